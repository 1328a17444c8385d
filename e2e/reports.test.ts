// Figures in a real browser: the director opens the dashboard, filters on a neighbourhood, sees a
// chart, opens its table view, and cannot drill down to the contacts or persons behind it.
import { type APIRequestContext, type Browser, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DIRECTOR, DEMO_PASSWORD, DEMO_WORKER } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];

interface Place {
  id: string;
  name: string;
  neighbourhoodId: string;
  neighbourhoodName: string;
}

/** A signed-in API client with its own cookies, to register the contacts the figures count. */
async function apiAs(email: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: server.baseUrl });
  closers.push(() => ctx.dispose());
  const signedIn = await ctx.post("/api/v1/auth/sign-in", { data: { email, password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const session = (await signedIn.json()) as { csrfToken: string; memberships: { teamId: string }[] };
  return {
    session,
    get: async <T>(path: string) => (await (await ctx.get(path)).json()) as T,
    post: async (path: string, data: unknown) => {
      const res = await ctx.post(path, { data, headers: { "x-csrf-token": session.csrfToken } });
      if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
    },
  };
}

let placeA: Place;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const worker = await apiAs(DEMO_WORKER);
  const places = await worker.get<Place[]>("/api/v1/places");
  placeA = places[0]!;
  const placeB = places.find((p) => p.neighbourhoodId !== placeA.neighbourhoodId)!;
  const teamId = worker.session.memberships[0]!.teamId;
  // Seven tallies in one neighbourhood, three in another: 10 in all, 7 after the filter.
  for (const [place, n] of [
    [placeA, 7],
    [placeB, 3],
  ] as const) {
    for (let i = 0; i < n; i++) await worker.post("/api/v1/contacts/tally", { teamId, placeId: place.id });
  }
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await browser?.close();
  await server?.stop();
});

const stat = (page: Page, metric: string) => page.locator(`.stat[data-metric="${metric}"] dd`);

describe("the figures dashboard in the browser", () => {
  it("lets the director filter a neighbourhood, see a chart and its table, and never drill down", async () => {
    const page = await newPage(browser, server.baseUrl);
    closers.push(() => page.context().close());
    await signIn(page, DEMO_DIRECTOR, DEMO_PASSWORD);

    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await nav.getByRole("link", { name: "Cijfers", exact: true }).click();
    await page.getByRole("heading", { name: "Cijfers", level: 1 }).waitFor();
    await expect.poll(() => stat(page, "contacts_total").textContent()).toBe("10");
    // The director sees figures only: no contacts or persons in the menu.
    expect(await nav.getByRole("link", { name: "Contacten", exact: true }).count()).toBe(0);

    await page.getByLabel("Wijk", { exact: true }).selectOption({ label: placeA.neighbourhoodName });
    await page.getByRole("button", { name: "Toon" }).click();
    await expect.poll(() => page.url()).toContain(`neighbourhoodId=${placeA.neighbourhoodId}`);
    await expect.poll(() => stat(page, "contacts_total").textContent()).toBe("7");
    await expect.poll(() => page.locator(".map-area[aria-pressed=true]").count()).toBe(1);

    const card = page.locator('.figure-card[data-metric="contacts_by_location_kind"]');
    await card.locator(".echart svg").waitFor();
    expect(await card.locator(".echart svg path").count()).toBeGreaterThan(0);

    await card.getByRole("button", { name: "Tabel" }).click();
    const table = card.getByRole("table");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(4);
    expect(await table.locator("tfoot td").first().textContent()).toBe("7");
    expect(await table.locator("tbody td").allTextContents()).toContain("7");

    // No way down to the contacts or persons behind the figure: no buttons, and the API refuses.
    expect(await page.getByRole("button", { name: /^Contacten achter/ }).count()).toBe(0);
    const status = await page.evaluate(
      async () => (await fetch("/api/v1/reports/drill?dimension=location_kind&key=public")).status,
    );
    expect(status).toBe(403);
    const persons = await page.evaluate(async () => (await fetch("/api/v1/persons")).status);
    expect(persons).toBe(403);
  });

  it("lets the director make the yearly report, follow its progress and download it", async () => {
    const page = await newPage(browser, server.baseUrl);
    closers.push(() => page.context().close());
    await signIn(page, DEMO_DIRECTOR, DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Jaarverslag" }).click();
    await page.getByRole("heading", { name: "Jaarverslag", level: 1 }).waitFor();
    await page.getByLabel("Jaar", { exact: true }).selectOption(String(new Date().getFullYear()));
    await page.getByRole("button", { name: "Jaarverslag maken" }).click();
    await page.getByRole("status").filter({ hasText: "Het verslag wordt gemaakt" }).waitFor();
    const pdf = page.getByRole("link", { name: /als PDF$/ }).first();
    await pdf.waitFor({ timeout: 90_000 });
    expect(await page.locator("progress").count()).toBe(0);
    const response = await page.request.get((await pdf.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Wat cijfers tellen" }).click();
    await page.getByRole("heading", { name: "Unieke personen bereikt" }).waitFor();
  });
});
