// Passkeys in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain) stands in for
// a phone or security key. A demo coordinator adds a passkey on the account page, signs out, and
// signs in again with the passkey alone (no password, no code: a user-verifying passkey is itself
// two factors). WebAuthn needs a secure context and a domain as relying party: the page runs on
// http://localhost and the server's PUBLIC_URL says so.
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COORDINATOR, DEMO_PASSWORD } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer(90_000, { host: "localhost", env: { PUBLIC_URL: "http://localhost:{port}" } }),
    launchBrowser(),
  ]);
  page = await newPage(browser, server.baseUrl);
  cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const added = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  authenticatorId = added.authenticatorId;
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

const credentials = async () =>
  (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials as {
    isResidentCredential: boolean;
    signCount: number;
  }[];

describe("passkeys in Chromium", () => {
  it("registers a passkey from the account page", async () => {
    await signIn(page, DEMO_COORDINATOR, DEMO_PASSWORD);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Aanmelden en beveiliging" }).waitFor();
    await page.getByText("Nog geen passkeys.").waitFor();
    await page.getByLabel("Naam van de passkey").fill("Virtuele sleutel");
    await page.getByRole("button", { name: "Passkey toevoegen" }).click();
    await page.getByRole("status").filter({ hasText: "De passkey is toegevoegd." }).waitFor();
    await page.getByRole("list", { name: "Passkeys" }).getByText("Virtuele sleutel").waitFor();
    const stored = await credentials();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.isResidentCredential).toBe(true);
  });

  it("signs in with the passkey alone after signing out", async () => {
    await page.goto("/account");
    await page
      .getByRole("button", { name: /^Afmelden$/ })
      .first()
      .click();
    await page.waitForURL(/\/sign-in/);
    const signCount = (await credentials())[0]!.signCount;
    await page.getByRole("button", { name: "Met een passkey" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await expect.poll(() => page.locator("main h1").first().textContent()).toMatch(/Coralie$/);
    expect((await credentials())[0]!.signCount).toBeGreaterThan(signCount);
    const session = await page.evaluate(async () => (await fetch("/api/v1/auth/session")).json());
    expect(session).toMatchObject({ user: { email: "coord.straat@demo.vindplaats.org" }, pending: null });
  });

  it("refuses the passkey once it is removed", async () => {
    await page.goto("/account");
    await page.getByRole("button", { name: "Passkey Virtuele sleutel verwijderen" }).click();
    await page.getByText("Nog geen passkeys.").waitFor();
    await page
      .getByRole("button", { name: /^Afmelden$/ })
      .first()
      .click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole("button", { name: "Met een passkey" }).click();
    await page.getByText("Aanmelden met de passkey is niet gelukt.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});
