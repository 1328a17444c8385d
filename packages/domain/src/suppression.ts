// Small-cell suppression for every figure that leaves the app or reaches a director. Counts from 1
// to threshold-1 are hidden ("<5"); then complementary cells are hidden so that no row or column
// total, minus the visible cells, gives a hidden count back. Zeros reveal nobody and stay visible.

export const DEFAULT_THRESHOLD = 5;

export interface SuppressedCell {
  value: number | null;
  suppressed: boolean;
  /** What to show: the number, or "<5". */
  display: string;
}

export interface SuppressedTable {
  cells: SuppressedCell[][];
  rowTotals: SuppressedCell[];
  columnTotals: SuppressedCell[];
  total: SuppressedCell;
}

const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

function cell(value: number, hidden: boolean, threshold: number): SuppressedCell {
  return hidden
    ? { value: null, suppressed: true, display: `<${threshold}` }
    : { value, suppressed: false, display: String(value) };
}

/**
 * Suppresses a table of counts with its row and column totals. A line (row or column) whose total
 * is shown must never have exactly one hidden cell; the smallest visible non-zero cell is hidden next.
 */
export function suppressTable(counts: number[][], threshold = DEFAULT_THRESHOLD): SuppressedTable {
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  const hidden = counts.map((r) => r.map((n) => isSmall(n, threshold)));
  const rowTotal = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotal = Array.from({ length: cols }, (_, j) => counts.reduce((a, r) => a + (r[j] ?? 0), 0));
  const rowHidden = rowTotal.map((t) => isSmall(t, threshold));
  const colHidden = colTotal.map((t) => isSmall(t, threshold));

  const fixLine = (line: { i: number; j: number }[], totalHidden: boolean, hideTotal: () => void): boolean => {
    if (totalHidden) return false;
    const hiddenCells = line.filter(({ i, j }) => hidden[i]![j]);
    const hiddenSum = hiddenCells.reduce((a, { i, j }) => a + counts[i]![j]!, 0);
    // One hidden cell, or several whose sum is itself small enough to narrow them down.
    if (hiddenCells.length === 0 || (hiddenCells.length > 1 && !isSmall(hiddenSum, threshold))) return false;
    const candidate = line
      .filter(({ i, j }) => !hidden[i]![j] && counts[i]![j]! > 0)
      .sort((a, b) => counts[a.i]![a.j]! - counts[b.i]![b.j]!)[0];
    if (!candidate) {
      // Nothing left to hide beside it: the line's total would give the hidden cell away.
      hideTotal();
      return true;
    }
    hidden[candidate.i]![candidate.j] = true;
    return true;
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < rows; i++) {
      const line = Array.from({ length: cols }, (_, j) => ({ i, j }));
      changed = fixLine(line, rowHidden[i]!, () => (rowHidden[i] = true)) || changed;
    }
    for (let j = 0; j < cols; j++) {
      const line = Array.from({ length: rows }, (_, i) => ({ i, j }));
      changed = fixLine(line, colHidden[j]!, () => (colHidden[j] = true)) || changed;
    }
  }
  const grand = rowTotal.reduce((a, b) => a + b, 0);
  return {
    cells: counts.map((r, i) => r.map((n, j) => cell(n, hidden[i]![j]!, threshold))),
    rowTotals: rowTotal.map((t, i) => cell(t, rowHidden[i]!, threshold)),
    columnTotals: colTotal.map((t, j) => cell(t, colHidden[j]!, threshold)),
    total: cell(grand, isSmall(grand, threshold), threshold),
  };
}

/** A single series with its total (e.g. contacts per neighbourhood): the same rules in one line. */
export function suppressSeries(
  values: number[],
  threshold = DEFAULT_THRESHOLD,
): { cells: SuppressedCell[]; total: SuppressedCell } {
  const table = suppressTable(
    values.map((v) => [v]),
    threshold,
  );
  return { cells: table.cells.map((r) => r[0]!), total: table.total };
}
