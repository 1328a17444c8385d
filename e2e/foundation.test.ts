// The foundation in a real browser: sign-in, the home screen per role in Dutch, the admin guard,
// creating a place, switching language, a 320 px phone and keyboard focus.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  DEMO_PASSWORD,
  DEMO_TEAMS,
  DEMO_USERS,
  DEMO_WORKER,
} from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;
const pages: Page[] = [];

async function page(viewport?: { width: number; height: number }) {
  const p = await newPage(browser, server.baseUrl, viewport);
  pages.push(p);
  return p;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const p of pages) await p.context().close();
  await browser?.close();
  await server?.stop();
});

describe("foundation in the browser", () => {
  it("shows the coordinator the team's home screen in Dutch", async () => {
    const p = await page();
    await signIn(p, DEMO_COORDINATOR, DEMO_PASSWORD);
    const coordinator = DEMO_USERS.find((u) => u.email === DEMO_COORDINATOR)!;
    const teamNames = coordinator.teams.map(([key]) => DEMO_TEAMS.find((t) => t.key === key)!.name);

    expect(await p.locator("html").getAttribute("lang")).toBe("nl-BE");
    await expect.poll(() => p.locator("main h1").textContent()).toMatch(/^Goede(morgen|middag|navond), Coralie$/);
    const intro = await p.locator(".page-intro").first().textContent();
    expect(intro).toMatch(/^Je bent coördinator van team (.+)\.$/);
    expect(teamNames.some((name) => intro?.includes(name))).toBe(true);
    await p.getByRole("heading", { name: "Vindplaatsen per wijk" }).waitFor();
    await p.getByRole("heading", { name: "Teamleden" }).waitFor();
    expect(await p.getByRole("note").textContent()).toContain("DEMO");
    // Two teams: the switcher offers both and remembers the choice.
    const switcher = p.getByLabel("Team", { exact: true });
    const other = teamNames.find((name) => !intro?.includes(name))!;
    await switcher.selectOption({ label: other });
    await expect.poll(() => p.locator(".page-intro").first().textContent()).toContain(other);
    await p.reload();
    await expect.poll(() => p.locator(".page-intro").first().textContent()).toContain(other);
  });

  it("hides administration from a worker and refuses admin URLs with a Dutch message", async () => {
    const p = await page();
    await signIn(p, DEMO_WORKER, DEMO_PASSWORD);
    const nav = p.getByRole("navigation", { name: "Hoofdmenu" });
    await nav.getByRole("link", { name: "Start" }).waitFor();
    expect(await nav.getByRole("link", { name: "Teams" }).count()).toBe(0);
    expect(await nav.getByText("Beheer").count()).toBe(0);

    await p.goto("/admin/places");
    await p.getByRole("heading", { name: "Geen toegang" }).waitFor();
    expect(await p.getByRole("alert").textContent()).toContain("Je hebt geen toegang tot deze pagina.");
  });

  it("lets the administrator create a place and shows it in the list", async () => {
    const p = await page();
    await signIn(p, DEMO_ADMIN, DEMO_PASSWORD);
    await p.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vindplaatsen" }).click();
    await p.getByRole("heading", { name: "Vindplaatsen", level: 1 }).waitFor();
    await p.getByRole("button", { name: "Vindplaats toevoegen" }).click();

    const dialog = p.getByRole("dialog", { name: "Vindplaats toevoegen" });
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    // The API's field errors appear next to the fields, in Dutch.
    await dialog.getByText("Deze waarde is te klein of te kort.").waitFor();

    await dialog.getByLabel("Naam").fill("Bankje aan de Testvijver");
    const hood = dialog.getByLabel("Wijk");
    const firstHood = await hood.locator("option").nth(1).getAttribute("value");
    await hood.selectOption(firstHood!);
    await dialog.getByLabel("Soort plaats").selectOption("semi_public");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = p.getByRole("row", { name: /Bankje aan de Testvijver/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Semipubliek");
  });

  it("switches the interface to English and keeps the choice", async () => {
    const p = await page();
    const someone = DEMO_USERS.find((u) => u.email.startsWith("straat2@"))!;
    await signIn(p, someone.email, DEMO_PASSWORD);
    await p.getByRole("link", { name: "Mijn account" }).waitFor();

    await p.getByLabel("Taal", { exact: true }).selectOption("en");
    await p.getByRole("link", { name: "My account" }).waitFor();
    await expect.poll(() => p.locator("main h1").textContent()).toMatch(/^Good (morning|afternoon|evening), Selma$/);
    expect(await p.locator("html").getAttribute("lang")).toBe("en");
    // Saved with the account: a fresh browser signs in to an English interface.
    const fresh = await page();
    await signIn(fresh, someone.email, DEMO_PASSWORD);
    await fresh.getByRole("heading", { name: "Places by neighbourhood" }).waitFor();
  });

  it("fits a 320 px phone without horizontal scrolling", async () => {
    const p = await page({ width: 320, height: 640 });
    await signIn(p, DEMO_COORDINATOR, DEMO_PASSWORD);
    await p.getByRole("heading", { name: "Vindplaatsen per wijk" }).waitFor();
    expect(await p.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    await p.getByRole("button", { name: "Menu" }).click();
    await p.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();
    expect(await p.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it("signs out and guards the app afterwards", async () => {
    const p = await page();
    await signIn(p, DEMO_WORKER, DEMO_PASSWORD);
    await p.getByRole("button", { name: "Afmelden" }).click();
    await p.getByText("Je bent afgemeld.").waitFor();
    await p.goto("/account");
    await p.waitForURL(/\/sign-in\?redirect=/);
    await p.getByRole("heading", { name: "Aanmelden" }).waitFor();
  });

  it("reaches the sign-in fields and button by keyboard with a visible focus ring", async () => {
    const p = await page();
    await p.goto("/sign-in");
    await p.getByRole("heading", { name: "Aanmelden" }).waitFor();
    const focused = () =>
      p.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          name: el.getAttribute("name") ?? el.textContent?.trim(),
          tag: el.tagName,
          outline: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
        };
      });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await p.keyboard.press("Tab");
      const f = await focused();
      expect(f.outline).not.toBe("none");
      expect(f.width).toBeGreaterThanOrEqual(2);
      seen.push(`${f.tag}:${f.name}`);
    }
    expect(seen).toEqual(["INPUT:email", "INPUT:password", "BUTTON:Aanmelden"]);
  });
});
