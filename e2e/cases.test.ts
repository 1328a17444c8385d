// Address cases in a real browser on a 375x667 phone: a neighbourhood steward opens a case from a
// complaint, logs a home visit, records that the family moved, and the new address's case shows the
// history and the family's path. Results are checked through the API as well as on screen.
import { type APIRequestContext, type Browser, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PHONE = { width: 375, height: 667 };
const STEWARD = "steward1@demo.vindplaats.org";

let server: RunningServer;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];

interface CasePage {
  case: {
    id: string;
    address: string;
    status: string;
    closeReason: string | null;
    previousCaseId: string | null;
    nextCaseId: string | null;
    hasNuisance: boolean;
  };
  visits: { contactId: string; personCount: number; note: string | null }[];
  complaints: { theme: string }[];
  path: { caseId: string; address: string }[];
  history: { kind: string }[];
}

async function apiAs(email: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: server.baseUrl });
  closers.push(() => ctx.dispose());
  expect((await ctx.post("/api/v1/auth/sign-in", { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200);
  return { get: async <T>(path: string) => (await (await ctx.get(path)).json()) as T };
}

async function phone(): Promise<Page> {
  const page = await newPage(browser, server.baseUrl, PHONE);
  closers.push(() => page.context().close());
  return page;
}

const caseIdOf = (page: Page) => new URL(page.url()).pathname.split("/").at(-1)!;
const fitsPhone = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("address cases on a phone", () => {
  it("opens a case from a complaint, logs a home visit, records the move, and the new case shows the history", async () => {
    const p = await phone();
    await signIn(p, STEWARD, DEMO_PASSWORD);

    // From the menu to the team's cases, then a new case from a complaint.
    await p.getByRole("button", { name: "Menu" }).click();
    await p.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Adressen" }).click();
    await p.getByRole("heading", { name: "Adressen", level: 1 }).waitFor();
    await p.getByRole("link", { name: "Nieuw dossier vanuit een klacht" }).click();
    await p.getByRole("heading", { name: "Nieuw adresdossier" }).waitFor();

    // Forgetting the neighbourhood is refused, naming the "outside" flag, and nothing is opened.
    await p.getByLabel("Straat").fill("Fictieve Kaaistraat");
    await p.getByLabel("Nummer").fill("17");
    await p.getByLabel("Postcode").fill("9000");
    await p.getByLabel("Instroomkanaal").selectOption("local_police");
    await p.getByRole("button", { name: "Dossier openen" }).click();
    await p.getByText("Dit veld is verplicht.").first().waitFor();
    expect(p.url()).toContain("/cases/new");

    await p.getByLabel("Wijk", { exact: true }).selectOption({ label: "Rabot" });
    await p.getByLabel("Thema").selectOption("waste");
    await p.getByLabel("Wat wordt er gemeld?").fill("Zakken afval blijven op het voetpad staan.");
    await p.getByLabel("Wie klaagt", { exact: true }).selectOption("neighbour");
    await p.getByLabel("Naam van wie klaagt").fill("Buurvrouw Verzonnen");
    await p.getByRole("button", { name: "Dossier openen" }).click();
    await p.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await p.getByRole("heading", { name: "Fictieve Kaaistraat 17, 9000" }).waitFor();
    await p.getByText("1 open klacht").waitFor();
    const firstId = caseIdOf(p);
    // Who complained never appears on the case page.
    expect(await p.locator("main").textContent()).not.toContain("Buurvrouw Verzonnen");
    expect(await fitsPhone(p)).toBeLessThanOrEqual(PHONE.width);

    // A home visit from the phone: a contact at the address, linked to the case.
    await p.getByRole("button", { name: "Huisbezoek registreren" }).click();
    const visit = p.getByRole("dialog", { name: "Huisbezoek" });
    await visit.getByLabel("Aantal mensen ontmoet").fill("4");
    await visit.getByLabel("Korte notitie").fill("Kennismaking met het gezin, afvalkalender uitgelegd.");
    await visit.getByRole("button", { name: "Huisbezoek opslaan" }).click();
    await visit.waitFor({ state: "detached" });
    await p.getByText("4 personen").waitFor();
    await p.getByText("Actief", { exact: true }).first().waitFor();

    // The family moved: the case closes as "moved" and the new address's case opens, linked.
    await p.getByRole("button", { name: "Gezin verhuisd" }).click();
    const move = p.getByRole("dialog", { name: "Het gezin is verhuisd" });
    await move.getByLabel("Straat").fill("Verzonnen Dokstraat");
    await move.getByLabel("Nummer").fill("3");
    await move.getByLabel("Bus", { exact: true }).fill("2");
    await move.getByLabel("Postcode").fill("9000");
    await move.getByLabel("Wijk", { exact: true }).selectOption({ label: "Muide" });
    await move.getByRole("button", { name: "Verhuizing opslaan" }).click();
    await p.getByRole("heading", { name: "Verzonnen Dokstraat 3 bus 2, 9000" }).waitFor();
    const secondId = caseIdOf(p);
    expect(secondId).not.toBe(firstId);

    // The new case shows where the family came from: the path and the history.
    const path = p.getByRole("region", { name: "Pad van het gezin" });
    await path.getByRole("link", { name: "Fictieve Kaaistraat 17, 9000" }).waitFor();
    await path.getByText("Verhuisd").waitFor();
    await p.getByText("Verhuisd van Fictieve Kaaistraat 17, 9000").waitFor();
    expect(await fitsPhone(p)).toBeLessThanOrEqual(PHONE.width);

    // And back: the old case is closed as moved, with the visit in its history.
    await path.getByRole("link", { name: "Fictieve Kaaistraat 17, 9000" }).click();
    await p.getByRole("heading", { name: "Fictieve Kaaistraat 17, 9000" }).waitFor();
    await p.getByText("Verhuisd naar Verzonnen Dokstraat 3 bus 2, 9000").waitFor();
    expect(await p.getByRole("button", { name: "Huisbezoek registreren" }).count()).toBe(0);

    // The API agrees.
    const api = await apiAs(STEWARD);
    const first = await api.get<CasePage>(`/api/v1/cases/${firstId}`);
    expect(first.case).toMatchObject({ status: "closed", closeReason: "moved", nextCaseId: secondId });
    expect(first.visits).toHaveLength(1);
    expect(first.visits[0]).toMatchObject({
      personCount: 4,
      note: "Kennismaking met het gezin, afvalkalender uitgelegd.",
    });
    expect(first.complaints.map((k) => k.theme)).toEqual(["waste"]);
    const second = await api.get<CasePage>(`/api/v1/cases/${secondId}`);
    expect(second.case).toMatchObject({ status: "open", previousCaseId: firstId, hasNuisance: false });
    expect(second.path.map((s) => s.caseId)).toEqual([firstId, secondId]);
    expect(second.history.map((h) => h.kind)).toContain("moved_from");
  });
});
