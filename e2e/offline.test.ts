// The offline layer in a real browser, offline through the browser context: sign in once, lose the
// network, reload, register, see the work wait on the phone, reconnect and see it synced and visible
// to the coordinator, stored once. And a push whose answer never arrived: the page is closed after
// the server committed; reopened, the outbox flushes and nothing is doubled. IndexedDB holds no
// nickname or note in clear. The screens are the offline page (apps/web/src/offline/page).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COORDINATOR, DEMO_PASSWORD, DEMO_WORKER } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const OFFLINE_PAGE = "/src/offline/page/index.html";

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

const status = (page: Page) => page.getByRole("region", { name: "Synchronisatie" }).getByRole("status");

/** Signs in, opens the offline page online once and waits until the service worker controls it and the working set arrived. */
async function setUp(page: Page) {
  await signIn(page, DEMO_WORKER, DEMO_PASSWORD);
  await page.goto(OFFLINE_PAGE);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(() => status(page).textContent()).toMatch(/^Gesynchroniseerd/);
  // The worker took over after the page asked for its session; make sure that answer is cached.
  await expect
    .poll(() => page.evaluate(async () => !!(await (await caches.open("vp-session")).match("/api/v1/auth/session"))))
    .toBe(true);
  await page.getByLabel("Vindplaats").waitFor();
}

async function register(page: Page, note: string, nickname = "") {
  await page.getByLabel("Nieuwe persoon (bijnaam)").fill(nickname);
  await page.getByLabel("Notitie").fill(note);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect.poll(() => page.getByLabel("Notitie").inputValue()).toBe("");
}

/** Everything in the phone's IndexedDB, with binary values as latin-1 text, so plain text would show. */
function dumpIndexedDb(page: Page) {
  return page.evaluate(async () => {
    const out: string[] = [];
    const keys: { extractable: boolean; type: string }[] = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((ok) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
        });
        const flat = (v: unknown): string => {
          if (v instanceof CryptoKey) {
            keys.push({ extractable: v.extractable, type: v.type });
            return "[CryptoKey]";
          }
          if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
            const bytes =
              v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
            return Array.from(bytes, (b) => String.fromCharCode(b)).join("");
          }
          if (v && typeof v === "object")
            return Object.entries(v)
              .map(([k, x]) => `${k}=${flat(x)}`)
              .join(";");
          return String(v);
        };
        for (const row of rows) out.push(`${name}/${store}: ${flat(row)}`);
      }
      db.close();
    }
    return { text: out.join("\n"), rows: out.length, keys };
  });
}

async function coordinatorSees(ids: string[]) {
  const page = await newPage(browser, server.baseUrl);
  contexts.push(page.context());
  await signIn(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  const seen: Record<string, string | null> = {};
  for (const id of ids) {
    const res = await page.request.get(`/api/v1/contacts/${id}`);
    expect(res.status()).toBe(200);
    seen[id] = (await res.json()).note;
  }
  return { page, seen };
}

const storedContacts = async (page: Page, notePrefix: string, workerId: string) => {
  const res = await page.request.get(
    `/api/v1/contacts?limit=200&workerId=${workerId}&from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}`,
  );
  expect(res.status()).toBe(200);
  const ids = ((await res.json()).items as { id: string }[]).map((c) => c.id);
  const notes = await Promise.all(
    ids.map(async (id) => (await (await page.request.get(`/api/v1/contacts/${id}`)).json()).note as string | null),
  );
  return notes.filter((n) => n?.startsWith(notePrefix));
};

describe("offline-first phone", () => {
  it("registers 5 contacts offline after a reload, then syncs them once, visible to the coordinator", async () => {
    const { context, page } = await phone();
    await setUp(page);
    const workerId = (await (await page.request.get("/api/v1/auth/session")).json()).user.id as string;
    const teamNicknames = (
      (await (await page.request.get("/api/v1/persons?limit=50")).json()).items as { nickname: string }[]
    ).map((p) => p.nickname);

    await context.setOffline(true);
    // The app shell opens without network too: precached, with the cached session view.
    await page.goto("/");
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Start" }).waitFor();
    await page.goto(OFFLINE_PAGE);
    await page.reload();
    await page.getByRole("heading", { name: "Nieuw contact" }).waitFor();
    await register(page, "Notitie offline 1: slaapt in de fietsenstalling", "Zwerver Offlinesson");
    for (let i = 2; i <= 5; i++) await register(page, `Notitie offline ${i}`);

    await expect
      .poll(() => status(page).textContent())
      .toBe("5 registraties opgeslagen op deze telefoon · wacht op synchronisatie");
    const waiting = page.getByRole("list", { name: "Wacht op synchronisatie" }).getByRole("listitem");
    expect(await waiting.count()).toBe(5);
    expect(await page.getByRole("region", { name: "Synchronisatie" }).getAttribute("data-phase")).toBe("offline");

    const stored = await dumpIndexedDb(page);
    expect(stored.rows).toBeGreaterThan(5);
    expect(stored.text).not.toMatch(/Zwerver|Offlinesson|Notitie offline|fietsenstalling/);
    expect(stored.keys).toEqual([{ extractable: false, type: "secret" }]);
    // The team's persons pulled before going offline are on the phone, sealed too.
    for (const nick of teamNicknames) expect(stored.text).not.toContain(nick);

    const contactIds = await waiting.evaluateAll((items) => items.map((li) => li.getAttribute("data-record")!));
    await context.setOffline(false);
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);
    await expect
      .poll(() => page.getByRole("list", { name: "Gesynchroniseerde contacten" }).getByRole("listitem").count())
      .toBe(5);
    expect(await waiting.count()).toBe(0);
    // Synced back into the working set: the new person and the contacts, still sealed.
    const synced = await dumpIndexedDb(page);
    expect(synced.text).toContain("type=person");
    expect(synced.text).not.toMatch(/Zwerver|Offlinesson|Notitie offline|fietsenstalling/);

    const { page: coordinator, seen } = await coordinatorSees(contactIds);
    expect(Object.values(seen).sort()).toEqual([
      "Notitie offline 1: slaapt in de fietsenstalling",
      "Notitie offline 2",
      "Notitie offline 3",
      "Notitie offline 4",
      "Notitie offline 5",
    ]);
    expect(await storedContacts(coordinator, "Notitie offline", workerId)).toHaveLength(5);
    const persons = await (await coordinator.request.get("/api/v1/persons?q=Offlinesson")).json();
    expect(persons.items).toHaveLength(1);
  });

  it("flushes the outbox after the page closed before the push answer arrived, storing each contact once", async () => {
    const { context, page } = await phone();
    await setUp(page);
    const workerId = (await (await page.request.get("/api/v1/auth/session")).json()).user.id as string;
    await context.setOffline(true);
    await register(page, "Notitie verloren antwoord A");
    await register(page, "Notitie verloren antwoord B", "Antwoordloos");
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
    await reopened.goto(OFFLINE_PAGE);
    await expect.poll(() => status(reopened).textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);
    expect(await reopened.getByRole("list", { name: "Wacht op synchronisatie" }).getByRole("listitem").count()).toBe(0);

    const coordinator = await newPage(browser, server.baseUrl);
    contexts.push(coordinator.context());
    await signIn(coordinator, DEMO_COORDINATOR, DEMO_PASSWORD);
    expect((await storedContacts(coordinator, "Notitie verloren antwoord", workerId)).sort()).toEqual([
      "Notitie verloren antwoord A",
      "Notitie verloren antwoord B",
    ]);
    expect((await (await coordinator.request.get("/api/v1/persons?q=Antwoordloos")).json()).items).toHaveLength(1);
  });
});
