// People and contacts in a real browser on a 375x667 phone: the tally and a contact with a known
// person in few interactions (counted), duplicate hints across teams, merge and undo, and a
// coordinator's filtered CSV export. Results are checked through the API, not only on screen.
import { readFileSync } from "node:fs";
import { type APIRequestContext, type Browser, type Locator, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COORDINATOR, DEMO_PASSWORD, DEMO_WORKER } from "../apps/api/src/demo/accounts.ts";
import { DEFAULT_VALUE_LISTS } from "../apps/api/src/modules/value-lists/defaults.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PHONE = { width: 375, height: 667 };
const STEWARD = "steward1@demo.vindplaats.org";
const ADMIN = "beheer@demo.vindplaats.org";

let server: RunningServer;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];

interface Session {
  memberships: { teamId: string; teamName: string; role: string }[];
  csrfToken: string;
}
interface Contact {
  id: string;
  mode: string;
  placeId: string | null;
  personIds: string[];
  anonymousTotal: number;
  lifeDomains: string[];
}
interface Place {
  id: string;
  name: string;
  neighbourhoodId: string;
}

/** A signed-in API client (its own cookies), for setting up and checking data beside the browser. */
async function apiAs(email: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: server.baseUrl });
  closers.push(() => ctx.dispose());
  const signedIn = await ctx.post("/api/v1/auth/sign-in", { data: { email, password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const session = (await signedIn.json()) as Session;
  const headers = { "x-csrf-token": session.csrfToken };
  const ok = async (response: Awaited<ReturnType<APIRequestContext["get"]>>) => {
    if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    return response.json();
  };
  return {
    session,
    get: async <T>(path: string) => (await ok(await ctx.get(path))) as T,
    post: async <T>(path: string, data: unknown) => (await ok(await ctx.post(path, { data, headers }))) as T,
  };
}

/** Counts what a person does on the page: every click, fill, choice or key press is one interaction. */
class Interactions {
  count = 0;
  async click(target: Locator) {
    this.count++;
    await target.click();
  }
  async fill(target: Locator, text: string) {
    this.count++;
    await target.fill(text);
  }
  async choose(target: Locator, label: string) {
    this.count++;
    await target.selectOption({ label });
  }
}

async function phone(email: string): Promise<Page> {
  const page = await newPage(browser, server.baseUrl, PHONE);
  closers.push(() => page.context().close());
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // The demo organisation starts without value lists; an administrator adds the defaults once.
  const admin = await apiAs(ADMIN);
  const existing = await admin.get<{ list: string; code: string }[]>("/api/v1/value-lists");
  for (const [list, values] of Object.entries(DEFAULT_VALUE_LISTS)) {
    for (const [i, [code, labels]] of values.entries()) {
      if (existing.some((v) => v.list === list && v.code === code)) continue;
      await admin.post(`/api/v1/value-lists/${list}`, { code, labels, sort: (i + 1) * 10 });
    }
  }
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("people and contacts on a phone", () => {
  it("registers an anonymous tally from the home screen in at most 3 interactions", async () => {
    const worker = await apiAs(DEMO_WORKER);
    const team = worker.session.memberships[0]!;
    const tallies = async () =>
      (await worker.get<{ items: Contact[] }>(`/api/v1/contacts?teamId=${team.teamId}&limit=200`)).items.filter(
        (c) => c.mode === "tally",
      );
    const before = await tallies();

    const page = await phone(DEMO_WORKER);
    const ui = new Interactions();
    await ui.click(page.getByRole("link", { name: "Turven" }));
    const place = page.getByRole("list", { name: "Vindplaatsen" }).getByRole("button").first();
    const placeName = (await place.locator("span").first().textContent())!;
    await ui.click(place);
    await page
      .getByRole("status")
      .filter({ hasText: `+1 geteld bij ${placeName}` })
      .waitFor();

    expect(ui.count).toBeLessThanOrEqual(3);
    const after = await tallies();
    const added = after.filter((c) => !before.some((b) => b.id === c.id));
    expect(added).toHaveLength(1);
    const places = await worker.get<Place[]>("/api/v1/places");
    expect(added[0]).toMatchObject({
      placeId: places.find((p) => p.name === placeName)!.id,
      anonymousTotal: 1,
      personIds: [],
    });
  });

  it("registers a contact with a known person, a life domain and a referral in at most 10 interactions", async () => {
    const worker = await apiAs(DEMO_WORKER);
    const team = worker.session.memberships[0]!;
    const person = await worker.post<{ id: string }>("/api/v1/persons", { teamId: team.teamId, nickname: "Zoltan" });

    const page = await phone(DEMO_WORKER);
    const ui = new Interactions();
    await ui.click(page.getByRole("link", { name: "Contact registreren" }));
    await ui.click(page.getByRole("list", { name: "Vindplaatsen" }).getByRole("button").first());
    await ui.fill(page.getByRole("searchbox", { name: "Roepnaam" }), "Zol");
    await ui.click(
      page.getByRole("list", { name: "Gekende personen in je team" }).getByRole("button", { name: "Zoltan" }),
    );
    await ui.click(page.getByRole("group", { name: "Levensdomeinen" }).getByRole("button", { name: "Huisvesting" }));
    await ui.choose(page.getByRole("combobox", { name: "Doorverwijzen naar…" }), "CAW");
    await ui.click(page.getByRole("button", { name: "Contact opslaan" }));
    await page.getByRole("heading", { name: "Contact opgeslagen" }).waitFor();

    expect(ui.count).toBeLessThanOrEqual(10);
    const stored = await worker.get<{ items: Contact[] }>(`/api/v1/contacts?personId=${person.id}`);
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ personIds: [person.id], lifeDomains: ["housing"], mode: "standard" });
    const page2 = await worker.get<{ timeline: { kind: string; summary: Record<string, unknown> }[] }>(
      `/api/v1/persons/${person.id}`,
    );
    expect(page2.timeline.filter((i) => i.kind === "referral").map((i) => i.summary.serviceCode)).toEqual(["caw"]);
  });

  it("shows a duplicate known by another team when a second worker adds a person named alike", async () => {
    const first = await apiAs(DEMO_WORKER);
    const places = await first.get<Place[]>("/api/v1/places");
    const place = places[places.length - 1]!;
    await first.post("/api/v1/persons", {
      teamId: first.session.memberships[0]!.teamId,
      nickname: "Zoë",
      usualNeighbourhoodId: place.neighbourhoodId,
    });

    const page = await phone(STEWARD);
    await page.getByRole("link", { name: "Contact registreren" }).click();
    await page.getByRole("searchbox", { name: "Zoek een vindplaats of wijk" }).fill(place.name);
    await page.getByRole("list", { name: "Vindplaatsen" }).getByRole("button", { name: place.name }).click();
    await page.getByRole("searchbox", { name: "Roepnaam" }).fill("ZOE");
    await page.getByRole("button", { name: "Nieuwe persoon: ZOE" }).click();

    const hint = page.getByRole("region", { name: "Misschien al gekend?" });
    await hint.waitFor();
    const teamName = first.session.memberships[0]!.teamName;
    expect(await hint.textContent()).toContain(
      `Een persoon met een gelijkaardige roepnaam is gekend bij ${teamName}; vraag het aan Stan Straat.`,
    );
    // Out of the steward's scope: no name, no description, nothing to choose.
    expect(await hint.textContent()).not.toContain("Zoë");
    expect(await hint.getByRole("button").count()).toBe(0);
  });

  it("lets a coordinator merge a duplicate and undo the merge", async () => {
    const worker = await apiAs(DEMO_WORKER);
    const street = worker.session.memberships.find((m) => m.teamName === "Straathoekwerk")!;
    const survivor = await worker.post<{ id: string }>("/api/v1/persons", {
      teamId: street.teamId,
      nickname: "Jérôme",
    });
    const duplicate = await worker.post<{ id: string }>("/api/v1/persons", {
      teamId: street.teamId,
      nickname: "JEROME",
    });

    const page = await phone(DEMO_COORDINATOR);
    await page.goto(`/persons/${survivor.id}`);
    const merge = page.getByRole("region", { name: "Dubbele registraties" });
    await merge.getByRole("link", { name: "JEROME" }).waitFor();
    await merge.getByRole("button", { name: "Samenvoegen" }).click();
    await page.getByRole("dialog", { name: "Samenvoegen?" }).getByRole("button", { name: "Samenvoegen" }).click();
    await merge.getByRole("status").filter({ hasText: "JEROME is samengevoegd." }).waitFor();

    const coordinator = await apiAs(DEMO_COORDINATOR);
    const merged = await coordinator.get<{ person: { mergedIntoId: string | null } }>(
      `/api/v1/persons/${duplicate.id}`,
    );
    expect(merged.person.mergedIntoId).toBe(survivor.id);

    await merge.getByRole("button", { name: "Ongedaan maken" }).click();
    await merge.getByRole("status").waitFor({ state: "detached" });
    const restored = await coordinator.get<{ person: { mergedIntoId: string | null } }>(
      `/api/v1/persons/${duplicate.id}`,
    );
    expect(restored.person.mergedIntoId).toBeNull();
  });

  it("lets a coordinator filter contacts by life domain and download exactly those as CSV", async () => {
    const worker = await apiAs(DEMO_WORKER);
    const team = worker.session.memberships[0]!;
    const [placeA, placeB] = await worker.get<Place[]>("/api/v1/places");
    const register = (placeId: string, lifeDomains: string[]) =>
      worker.post("/api/v1/contacts", {
        teamId: team.teamId,
        startedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        durationMinutes: 15,
        placeId,
        anonymous: [{ ageBand: null, gender: null, count: 2 }],
        lifeDomains,
      });
    await register(placeA!.id, ["addiction"]);
    await register(placeB!.id, ["leisure"]);

    const page = await phone(DEMO_COORDINATOR);
    await page.goto("/contacts");
    await page.getByRole("heading", { name: "Contacten", level: 1 }).waitFor();
    // On a phone the filters fold away under one tap.
    await page.locator("summary", { hasText: "Filters" }).click();
    await page.getByRole("combobox", { name: "Levensdomein" }).selectOption({ label: "Verslaving" });
    await page.waitForURL(/lifeDomain=addiction/);
    const rows = page.getByRole("list", { name: "Resultaten" }).getByRole("listitem");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Verslaving");
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("contacten.csv");
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const [header, ...lines] = csv.trim().split("\r\n");
    expect(header).toContain("levensdomeinen");
    expect(header).not.toContain("notitie");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("addiction");
    expect(lines[0]).toContain(placeA!.name);
    expect(csv).not.toContain("leisure");
  });
});
