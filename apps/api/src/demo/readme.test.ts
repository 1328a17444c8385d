// The README promises the demo accounts and every configuration variable: keep it true.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "./accounts.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const readme = read("../../../../README.md");

describe("README", () => {
  it("lists every demo account and the demo password", () => {
    for (const user of DEMO_USERS) expect(readme).toContain(`\`${user.email}\``);
    expect(readme).toContain(DEMO_PASSWORD);
  });

  it("documents every variable config.ts reads", () => {
    const variables = [...read("../config.ts").matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(10);
    for (const name of new Set(variables)) expect(readme).toContain(`| \`${name}\` |`);
  });
});
