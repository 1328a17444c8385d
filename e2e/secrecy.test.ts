// Professional secrecy in a real browser against the demo organisation: a street worker shares a
// person with the neighbourhood stewards on the person's consent, a steward then sees only the
// chosen field classes; revoking hides the record on the next request; the steward opens it again
// through emergency access with a written reason, their coordinator reviews it, and the DPO finds
// the share, the revocation and the emergency access in the audit trail of that person.
import { type APIRequestContext, type Browser, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_WORKER } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PHONE = { width: 375, height: 667 };
const STEWARD = "steward1@demo.vindplaats.org";
const STEWARD_COORDINATOR = "coord.steward@demo.vindplaats.org";
const DPO = "dpo@demo.vindplaats.org";
const NICKNAME = "Zefier";
const FULL_NAME = "Zefier Verzonnen";
const NOTE = "Vertrouwelijke notitie over de woonsituatie";
const REASON = "Zefier is onwel aangetroffen aan het station; ik zoek wie de persoon kent.";

let server: RunningServer;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];

async function apiAs(email: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: server.baseUrl });
  closers.push(() => ctx.dispose());
  const signedIn = await ctx.post("/api/v1/auth/sign-in", { data: { email, password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const csrf = (await signedIn.json()).csrfToken as string;
  const headers = { "x-csrf-token": csrf };
  return {
    get: async (path: string) => ctx.get(path),
    post: async <T>(path: string, data: unknown) => (await (await ctx.post(path, { data, headers })).json()) as T,
  };
}

async function browse(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, server.baseUrl, viewport);
  closers.push(() => page.context().close());
  // The sign-in screen also offers "Aanmelden met een passkey": press the password button exactly.
  await page.goto("/sign-in");
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.locator("main h1").first().waitFor();
  return page;
}

// Generous start-up time: the demo is written on first start and CI machines may be busy.
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(240_000), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("professional secrecy", () => {
  it("shares on consent, revokes, opens in an emergency, reviews, and shows it all to the DPO", async () => {
    // A person of the street team with a name, an origin and a note (set up through the API).
    const worker = await apiAs(DEMO_WORKER);
    const session = await (await worker.get("/api/v1/auth/session")).json();
    const streetTeam = session.memberships.find((m: { teamName: string }) => m.teamName === "Straathoekwerk");
    const person = await worker.post<{ id: string }>("/api/v1/persons", {
      teamId: streetTeam.teamId,
      nickname: NICKNAME,
      nationality: "bg",
    });
    await worker.post(`/api/v1/persons/${person.id}/identity`, { fullName: FULL_NAME });
    await worker.post(`/api/v1/persons/${person.id}/notes`, { teamId: streetTeam.teamId, body: NOTE });

    // The street worker shares the profile and the identity with the stewards, on consent.
    const w = await browse(DEMO_WORKER);
    await w.goto(`/persons/${person.id}`);
    await w.getByRole("heading", { name: NICKNAME, level: 1 }).waitFor();
    await w.getByRole("button", { name: "Delen…" }).click();
    const dialog = w.getByRole("dialog", { name: `Gegevens van ${NICKNAME} delen` });
    await dialog.getByLabel("Team", { exact: true }).selectOption({ label: "Buurtstewards" });
    await dialog.getByRole("checkbox", { name: /^Identiteit/ }).check();
    expect(await dialog.getByRole("checkbox", { name: /^Profiel zonder naam/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole("checkbox", { name: /^Notities/ }).isChecked()).toBe(false);
    await dialog
      .getByLabel("Waarvoor gaf de persoon toestemming?")
      .fill("Samen met de buurtstewards een woning zoeken.");
    await dialog.getByLabel("Hoe gaf de persoon toestemming?").selectOption("verbal");
    await dialog.getByRole("button", { name: "Delen", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await w.getByText("Gedeeld met Buurtstewards.").waitFor();
    const sharing = w.getByRole("region", { name: "Gedeeld", exact: true });
    await sharing.getByText("Buurtstewards", { exact: true }).waitFor();
    await sharing.getByText(/toestemming \(mondeling\)/).waitFor();

    // A steward finds the person under "Shared with me" and sees the name, never the origin or the note.
    const s = await browse(STEWARD, PHONE);
    await s.getByRole("button", { name: "Menu" }).click();
    await s.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gedeeld met mij" }).click();
    await s.getByRole("heading", { name: "Gedeeld met mij", level: 1 }).waitFor();
    await s.getByRole("link", { name: new RegExp(NICKNAME) }).click();
    await s.getByRole("heading", { name: NICKNAME, level: 1 }).waitFor();
    await s.getByText("Gedeeld met jou of je team; je ziet alleen wat gedeeld is.").waitFor();
    await s.getByText(FULL_NAME).waitFor();
    const shown = (await s.locator("main").textContent()) ?? "";
    expect(shown).not.toContain(NOTE);
    expect(shown).not.toContain("Bulgaars");
    expect(await s.getByRole("button", { name: "Delen…" }).count()).toBe(0);
    const steward = await apiAs(STEWARD);
    const seen = await (await steward.get(`/api/v1/persons/${person.id}`)).json();
    expect(seen).toMatchObject({
      relation: "shared",
      person: { nationality: null, identity: { fullName: FULL_NAME } },
    });
    expect(JSON.stringify(seen)).not.toContain(NOTE);

    // The street worker revokes; the steward's next request no longer shows the record.
    await sharing.getByRole("button", { name: "Intrekken" }).click();
    const confirm = w.getByRole("dialog", { name: "Delen intrekken?" });
    await confirm.getByRole("button", { name: "Intrekken" }).click();
    await confirm.waitFor({ state: "detached" });
    await w
      .getByRole("region", { name: "Beëindigd" })
      .getByText(/ingetrokken op/)
      .waitFor();
    await s.reload();
    await s.getByRole("heading", { name: "Dit dossier is niet zichtbaar voor jou" }).waitFor();
    expect(await s.getByText(FULL_NAME).count()).toBe(0);
    expect((await steward.get(`/api/v1/persons/${person.id}`)).status()).toBe(404);

    // In an emergency the steward finds the person known elsewhere and opens the record with a reason.
    await s.goto(`/persons?q=${NICKNAME}`);
    const elsewhere = s.getByRole("region", { name: "Ook gekend buiten je teams" });
    await elsewhere
      .getByText(/Gekend bij Straathoekwerk/)
      .first()
      .waitFor();
    await elsewhere.getByRole("link", { name: "Noodtoegang…" }).first().click();
    await s.getByRole("heading", { name: "Dit dossier is niet zichtbaar voor jou" }).waitFor();
    await s.getByText(/wordt gemeld aan de coördinator en de functionaris voor gegevensbescherming/).waitFor();
    await s.getByRole("button", { name: "Noodtoegang openen" }).click();
    await s.getByText("Deze waarde is te klein of te kort.").waitFor();
    await s.getByLabel("Waarom heb je nu toegang nodig?").fill(REASON);
    await s.getByRole("button", { name: "Noodtoegang openen" }).click();
    await s.getByRole("heading", { name: NICKNAME, level: 1 }).waitFor();
    await s.getByText(/^Noodtoegang: nog \d+ minu/).waitFor();
    await s.getByText(FULL_NAME).waitFor();
    expect((await s.locator("main").textContent()) ?? "").not.toContain(NOTE);
    expect(await s.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The stewards' coordinator sees it in the review list and marks it reviewed with a comment.
    const c = await browse(STEWARD_COORDINATOR);
    await c.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Noodtoegang nakijken" }).click();
    await c.getByRole("heading", { name: "Noodtoegang nakijken", level: 1 }).waitFor();
    const review = c.getByRole("region", { name: "Noodtoegang nakijken" });
    await review.getByText(REASON).waitFor();
    await review.getByRole("button", { name: "Nakijken: Bea Huisbezoek" }).click();
    const reviewDialog = c.getByRole("dialog", { name: "Noodtoegang van Bea Huisbezoek nakijken" });
    await reviewDialog.getByLabel("Je bevinding").fill("Terecht: besproken met Bea, persoon is opgevangen.");
    await reviewDialog.getByRole("button", { name: "Markeren als nagekeken" }).click();
    await reviewDialog.waitFor({ state: "detached" });
    await c.getByText("Niets na te kijken.").waitFor();
    await c.getByRole("button", { name: "Alle", exact: true }).click();
    await c.getByText(/Nagekeken op/).waitFor();

    // The DPO filters the audit trail on the person: the share, its revocation and the emergency access.
    const d = await browse(DPO);
    await d.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Auditlog" }).click();
    await d.getByRole("heading", { name: "Auditlog", level: 1 }).waitFor();
    await d.getByLabel("Persoon (id)").fill(person.id);
    await d.getByRole("button", { name: "Toepassen" }).click();
    await d.waitForURL((url) => url.searchParams.get("personId") === person.id);
    const trail = d.getByRole("region", { name: "Auditlog" });
    for (const action of ["person.shared", "person.share_revoked", "person.break_glass", "break_glass.reviewed"])
      await trail.getByText(action, { exact: true }).waitFor();
    await trail.getByText(/toTeamId: Buurtstewards/).waitFor();
    const rows = await trail.locator("tbody tr").allTextContents();
    expect(rows.every((row) => row.includes(person.id))).toBe(true);

    // Only the emergency accesses, then the person's own access history.
    await d.getByLabel("Soort handeling").selectOption({ label: "Noodtoegang" });
    await d.getByRole("button", { name: "Toepassen" }).click();
    await d.waitForURL((url) => url.searchParams.get("action") === "person.break_glass");
    await trail.getByText("person.break_glass", { exact: true }).waitFor();
    expect(await trail.getByText("person.shared", { exact: true }).count()).toBe(0);
    await trail.getByRole("link", { name: "Toegangsgeschiedenis" }).first().click();
    await d.getByRole("heading", { name: "Wie heeft dit dossier ingekeken", level: 1 }).waitFor();
    const history = d.getByRole("region", { name: "Wie heeft dit dossier ingekeken" });
    await history.getByText("person.read", { exact: true }).first().waitFor();
    expect(await history.getByText("Bea Huisbezoek").count()).toBeGreaterThan(0);
  }, 600_000);
});
