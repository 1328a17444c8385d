import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressSeries, suppressTable } from "./suppression.ts";

describe("small-cell suppression", () => {
  it("hides a cell below the threshold and the complementary cell that would reveal it", () => {
    const { cells, total } = suppressSeries([3, 12, 40]);
    expect(cells.map((c) => c.display)).toEqual(["<5", "<5", "40"]);
    expect(total.display).toBe("55");
  });

  it("leaves zeros and large counts visible", () => {
    expect(suppressSeries([0, 7, 9]).cells.map((c) => c.display)).toEqual(["0", "7", "9"]);
  });

  it("hides complementary cells in rows and columns of a table", () => {
    const t = suppressTable([
      [2, 10, 20],
      [8, 9, 30],
    ]);
    expect(t.cells[0]![0]!.suppressed).toBe(true);
    // Row 0 needs a second hidden cell, and so does column 0.
    expect(t.cells[0]!.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(t.cells.map((r) => r[0]!).filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it("never leaves a shown line with exactly one hidden cell, and totals stay the true sums", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (counts) => {
          const t = suppressTable(counts);
          const lines = [
            ...t.cells.map((row, i) => ({ cells: row, total: t.rowTotals[i]! })),
            ...[0, 1, 2].map((j) => ({ cells: t.cells.map((r) => r[j]!), total: t.columnTotals[j]! })),
          ];
          for (const line of lines) {
            if (line.total.suppressed) continue;
            const hiddenCount = line.cells.filter((c) => c.suppressed).length;
            expect(hiddenCount).not.toBe(1);
          }
          for (const [i, row] of counts.entries()) {
            const sum = row.reduce((a, b) => a + b, 0);
            if (!t.rowTotals[i]!.suppressed) expect(t.rowTotals[i]!.value).toBe(sum);
            for (const [j, n] of row.entries()) if (n > 0 && n < 5) expect(t.cells[i]![j]!.suppressed).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
