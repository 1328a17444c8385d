import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueMarkdown } from "./markdown.ts";

const DOC = new URL("../../../../docs/metrics.md", import.meta.url);

describe("docs/metrics.md", () => {
  it("is the catalogue, word for word", () => {
    if (process.env.VP_WRITE_DOCS === "1") writeFileSync(DOC, catalogueMarkdown());
    expect(readFileSync(DOC, "utf8")).toBe(catalogueMarkdown());
  });
});
