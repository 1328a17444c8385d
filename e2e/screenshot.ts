// Takes the README screenshot: the demo coordinator's home screen at 1280x800, in Dutch.
// Run with `npx tsx e2e/screenshot.ts` (needs apps/web/dist; `npm run build -w apps/web`).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEMO_COORDINATOR, DEMO_PASSWORD, DEMO_TEAMS } from "../apps/api/src/demo/accounts.ts";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";
import { ROOT, startServer } from "./support/server.ts";

const out = join(ROOT, "docs/screenshots/home.png");
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await newPage(browser, server.baseUrl, { width: 1280, height: 800 });
  await signIn(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  // Show the street-work team, the coordinator's main team, whichever team the app picks first.
  const street = DEMO_TEAMS.find((t) => t.key === "street")!.name;
  await page.getByLabel("Team", { exact: true }).selectOption({ label: street });
  await page.getByText(`Je bent coördinator van team ${street}.`).waitFor();
  await page.getByRole("heading", { name: "Vindplaatsen per wijk" }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  // Park the mouse away from the content so no hover state shows.
  await page.mouse.move(1279, 799);
  mkdirSync(join(ROOT, "docs/screenshots"), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
