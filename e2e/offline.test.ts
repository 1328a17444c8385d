// The offline-first phone in a real browser, offline through the browser context, on the real
// screens: sign in once, lose the network, reload, register 5 contacts on the registration screen
// (one with a new person, then people looked up by nickname on the phone), see them wait on the home
// screen; reconnect and see them synced, visible to the coordinator and stored once. And a push whose
// answer never arrived: the page is closed after the server committed; reopened, the outbox flushes
// and nothing is doubled. IndexedDB holds no nickname or note in clear.
import { type Browser, type BrowserContext, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, DEMO_COORDINATOR, DEMO_PASSWORD, DEMO_WORKER } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { dumpIndexedDb } from "./support/indexed-db.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A phone: its own storage, the service worker allowed (newPage blocks it), Dutch. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 390, height: 844 },
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    serviceWorkers: "allow",
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

const syncRegion = (page: Page) => page.getByRole("region", { name: "Synchronisatie" });
const status = (page: Page) => syncRegion(page).getByRole("status");
const recent = (page: Page) => page.getByRole("list", { name: "Mijn recente contacten" }).getByRole("listitem");

/** Signs in on the sign-in screen; the shell starts the offline layer, which registers the phone and pulls. */
async function setUp(page: Page) {
  await signIn(page, DEMO_WORKER, DEMO_PASSWORD);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd/);
  // The worker took over after the page asked for its session; make sure that answer is cached.
  await expect
    .poll(() => page.evaluate(async () => !!(await (await caches.open("vp-session")).match("/api/v1/auth/session"))))
    .toBe(true);
}

type Who = { newPerson: string } | { known: string; search: string };

/** One contact on the registration screen: a place, one person (new or found by nickname), a note. */
async function register(page: Page, note: string, who: Who) {
  await page.getByRole("heading", { name: "Contact registreren" }).waitFor();
  await page.getByRole("list", { name: "Vindplaatsen" }).getByRole("button").first().click();
  const nickname = page.getByLabel("Roepnaam", { exact: true });
  if ("newPerson" in who) {
    await nickname.fill(who.newPerson);
    await page.getByRole("button", { name: `Nieuwe persoon: ${who.newPerson}` }).click();
  } else {
    await nickname.fill(who.search);
    await page
      .getByRole("list", { name: "Gekende personen in je team" })
      .getByRole("button", { name: who.known })
      .first()
      .click();
  }
  await page.getByRole("textbox", { name: "Notitie", exact: true }).fill(note);
  await page.getByRole("button", { name: "Contact opslaan" }).click();
  await page.getByRole("heading", { name: "Contact opgeslagen" }).waitFor();
}

async function registerAnother(page: Page, note: string, who: Who) {
  await page.getByRole("button", { name: "Nog een contact registreren" }).click();
  await register(page, note, who);
}

/** Runs `fn` with an API client signed in as `email` (its own cookies). */
async function asUser<T>(
  email: string,
  fn: (
    post: (path: string, data: unknown) => Promise<{ status: number; body: string }>,
    session: { memberships: { teamId: string }[] },
  ) => Promise<T>,
): Promise<T> {
  const api = await request.newContext({ baseURL: server.baseUrl });
  try {
    const signedIn = await api.post("/api/v1/auth/sign-in", { data: { email, password: DEMO_PASSWORD } });
    const session = (await signedIn.json()) as { csrfToken: string; memberships: { teamId: string }[] };
    const post = async (path: string, data: unknown) => {
      const res = await api.post(path, { data, headers: { "x-csrf-token": session.csrfToken } });
      return { status: res.status(), body: await res.text() };
    };
    return await fn(post, session);
  } finally {
    await api.dispose();
  }
}

/** A person of the worker's team, added at the office before the phone's first pull. */
async function addTeamPerson(nickname: string) {
  await asUser(DEMO_WORKER, async (post, session) => {
    const created = await post("/api/v1/persons", { teamId: session.memberships[0]!.teamId, nickname });
    expect(created.status, created.body).toBe(201);
  });
}

const offlineDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith("vindplaats-offline-")),
  );

/** A signed-in coordinator page, to check what the server holds through the API. */
async function coordinator() {
  const page = await newPage(browser, server.baseUrl);
  contexts.push(page.context());
  await signIn(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  return page;
}

/** The notes of the worker's contacts of the last day that start with the prefix, each as often as stored. */
async function storedNotes(page: Page, notePrefix: string, workerId: string) {
  const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const res = await page.request.get(`/api/v1/contacts?limit=200&workerId=${workerId}&from=${from}`);
  expect(res.status()).toBe(200);
  const ids = ((await res.json()).items as { id: string }[]).map((c) => c.id);
  const notes = await Promise.all(
    ids.map(async (id) => (await (await page.request.get(`/api/v1/contacts/${id}`)).json()).note as string | null),
  );
  return notes.filter((n): n is string => !!n?.startsWith(notePrefix)).sort();
}

describe("offline-first phone", () => {
  it("registers 5 contacts offline after a reload, then syncs them once, visible to the coordinator", async () => {
    const known = "Kameraad Vooraf";
    await addTeamPerson(known);
    const { context, page } = await phone();
    await setUp(page);
    const workerId = (await (await page.request.get("/api/v1/auth/session")).json()).user.id as string;
    const team = (
      (await (await page.request.get("/api/v1/persons?limit=50")).json()).items as { nickname: string }[]
    ).map((p) => p.nickname);
    expect(team).toContain(known);

    await context.setOffline(true);
    await page.reload();
    // The app opens without network: precached shell, the cached session view, the phone's store.
    await expect.poll(() => syncRegion(page).getAttribute("data-phase")).toBe("offline");
    await page.getByRole("link", { name: "Contact registreren" }).first().click();
    await register(page, "Notitie offline 1: slaapt in de fietsenstalling", { newPerson: "Zwerver Offlinesson" });
    // The person added a moment ago, found on the phone before the server knows them.
    await registerAnother(page, "Notitie offline 2", { known: "Zwerver Offlinesson", search: "Offlines" });
    for (let i = 3; i <= 5; i++) await registerAnother(page, `Notitie offline ${i}`, { known, search: "vooraf" });

    await expect
      .poll(() => status(page).textContent())
      .toBe("5 registraties opgeslagen op deze telefoon · wacht op synchronisatie");
    await page.getByRole("link", { name: "Start" }).first().click();
    await expect.poll(() => recent(page).filter({ hasText: "opgeslagen op deze telefoon" }).count()).toBe(5);
    expect(await syncRegion(page).getAttribute("data-phase")).toBe("offline");

    const stored = await dumpIndexedDb(page);
    expect(stored.rows).toBeGreaterThan(5);
    expect(stored.text).not.toMatch(/Zwerver|Offlinesson|Notitie offline|fietsenstalling/);
    expect(stored.keys).toEqual([{ extractable: false, type: "secret" }]);
    // The team's persons pulled before going offline are on the phone, sealed too.
    for (const nick of team) expect(stored.text).not.toContain(nick);

    const ids = await recent(page).evaluateAll((items) => items.map((li) => li.getAttribute("data-id")!));
    await context.setOffline(false);
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);
    await expect.poll(() => recent(page).filter({ hasText: "gesynchroniseerd" }).count()).toBe(5);
    expect(await recent(page).filter({ hasText: "opgeslagen op deze telefoon" }).count()).toBe(0);
    // Synced back into the working set: the new person and the contacts, still sealed.
    const synced = await dumpIndexedDb(page);
    expect(synced.text).toContain("type=person");
    expect(synced.text).not.toMatch(/Zwerver|Offlinesson|Notitie offline|fietsenstalling/);

    const office = await coordinator();
    for (const id of ids) expect((await office.request.get(`/api/v1/contacts/${id}`)).status()).toBe(200);
    expect(await storedNotes(office, "Notitie offline", workerId)).toEqual([
      "Notitie offline 1: slaapt in de fietsenstalling",
      "Notitie offline 2",
      "Notitie offline 3",
      "Notitie offline 4",
      "Notitie offline 5",
    ]);
    const persons = await (await office.request.get("/api/v1/persons?q=Offlinesson")).json();
    expect(persons.items).toHaveLength(1);
  });

  it("flushes the outbox after the page closed before the push answer arrived, storing each contact once", async () => {
    const { context, page } = await phone();
    await setUp(page);
    const workerId = (await (await page.request.get("/api/v1/auth/session")).json()).user.id as string;
    await context.setOffline(true);
    await page.getByRole("link", { name: "Contact registreren" }).first().click();
    await register(page, "Notitie verloren antwoord A", { newPerson: "Antwoordloos" });
    await registerAnother(page, "Notitie verloren antwoord B", { known: "Antwoordloos", search: "Antwoord" });
    await expect.poll(() => status(page).textContent()).toMatch(/^2 registraties/);

    // The server commits the push; the page is closed before the answer reaches it.
    let committed = 0;
    await page.route("**/api/v1/sync/push", async (route) => {
      const response = await route.fetch();
      if (response.status() === 200) committed++;
      await page.close({ runBeforeUnload: false });
    });
    await context.setOffline(false);
    await expect.poll(() => committed, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.isClosed()).toBe(true);

    const reopened = await context.newPage();
    await reopened.goto("/");
    await expect.poll(() => status(reopened).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);
    await expect.poll(() => recent(reopened).filter({ hasText: "gesynchroniseerd" }).count()).toBeGreaterThanOrEqual(2);
    expect(await recent(reopened).filter({ hasText: "opgeslagen op deze telefoon" }).count()).toBe(0);

    const office = await coordinator();
    expect(await storedNotes(office, "Notitie verloren antwoord", workerId)).toEqual([
      "Notitie verloren antwoord A",
      "Notitie verloren antwoord B",
    ]);
    expect((await (await office.request.get("/api/v1/persons?q=Antwoordloos")).json()).items).toHaveLength(1);
  });

  it("asks before signing out with work only on the phone, and wipes the phone once it is sent", async () => {
    const { context, page } = await phone();
    await setUp(page);
    await context.setOffline(true);
    await page.getByRole("link", { name: "Contact registreren" }).first().click();
    await register(page, "Notitie bij afmelden", { newPerson: "Afmelder" });
    const signOut = async () => {
      const menu = page.getByRole("button", { name: "Menu" });
      if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
      await page.getByRole("button", { name: "Afmelden" }).click();
    };
    await signOut();
    const ask = page.getByRole("dialog", { name: "Nog niet alles is verstuurd" });
    await ask.getByText("1 registratie staat nog alleen op deze telefoon.", { exact: false }).waitFor();
    await ask.getByRole("button", { name: "Aangemeld blijven" }).click();
    expect(await offlineDatabases(page)).toHaveLength(1);

    await context.setOffline(false);
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);
    await signOut();
    await page.waitForURL(/\/sign-in/);
    expect(await offlineDatabases(page)).toEqual([]);
  });

  it("wipes a phone an administrator revoked on its next start", async () => {
    const { page } = await phone();
    await setUp(page);
    expect(await offlineDatabases(page)).toHaveLength(1);
    const devices = (await (await page.request.get("/api/v1/sync/devices")).json()) as { id: string }[];
    await asUser(DEMO_ADMIN, async (post) => {
      const revoked = await post(`/api/v1/sync/devices/${devices[0]!.id}/revoke`, {});
      expect(revoked.status, revoked.body).toBe(200);
    });
    await page.reload();
    await page.getByText("Dit toestel werd ingetrokken: de gegevens erop zijn gewist.").waitFor();
    expect(await offlineDatabases(page)).toEqual([]);
    // The same session does not register the phone again; the app keeps working online.
    await page.reload();
    await page.getByRole("link", { name: "Contact registreren" }).first().waitFor();
    expect(await offlineDatabases(page)).toEqual([]);
  });
});
