/**
 * Long chains of formulas without cached results (issue 11, item 10): a 100,000-cell chain took
 * minutes when each cell referred to the next and seconds the other way. The evaluator must do
 * work linear in the number of cells whatever the direction, with no call-stack depth that grows
 * with the chain, and still leave cycles unknown.
 *
 * Linearity is checked with the evaluator's work counters (attempts at a formula, syntax nodes,
 * cell reads), which are deterministic; the per-test timeouts are only a guard against a hang.
 */
import { describe, expect, it } from "vitest";
import {
  computeMissingResults,
  Evaluator,
  type EvaluationStats,
} from "../../../src/core/grid/evaluate";
import { MemorySheet, columnLetter } from "../../../src/core/grid";

const N = 100_000;
/** Far longer than any call stack allows for one frame per cell. */
const DEEP = 1_000_000;
const HANG_GUARD_MS = 60_000;

function freshStats(): EvaluationStats {
  return { attempts: 0, nodes: 0, reads: 0 };
}

function setFormula(sheet: MemorySheet, row: number, col: number, formula: string): void {
  sheet.set(row, col, { value: null, text: "", formula });
}

/**
 * Column A of `n` formulas. "forward": A1=A2+1, A2=A3+1, …, An=1 (each cell refers to the next
 * one, so An holds 1 and Ar holds n−r+1). "backward": A1=1, Ar=A(r−1)+1 (Ar holds r).
 */
function chainSheet(n: number, direction: "forward" | "backward", name = "Sheet1"): MemorySheet {
  const sheet = new MemorySheet(name);
  for (let row = 1; row <= n; row++) {
    if (direction === "forward") setFormula(sheet, row, 1, row === n ? "1" : `A${row + 1}+1`);
    else setFormula(sheet, row, 1, row === 1 ? "1" : `A${row - 1}+1`);
  }
  return sheet;
}

function valueOf(sheet: MemorySheet, row: number, col = 1) {
  return sheet.cell(row, col)?.value;
}

const SAMPLE_ROWS = [1, 2, 3, 777, 31_416, 50_000, 99_999, N];

describe("a 100,000-cell chain without cached results", () => {
  it(
    "computes every cell when each cell refers to the next one (forward)",
    () => {
      const sheet = chainSheet(N, "forward");
      const stats = freshStats();
      expect(computeMissingResults([sheet], { stats })).toBe(N);
      for (const row of SAMPLE_ROWS) expect(valueOf(sheet, row)).toBe(N - row + 1);
      for (let row = 1; row <= N; row++) {
        if (valueOf(sheet, row) !== N - row + 1) throw new Error(`A${row}: ${valueOf(sheet, row)}`);
      }
      expect(sheet.cell(1, 1)).toMatchObject({ text: String(N), computed: true });
      // Each cell is attempted once, and once more after the cell it reads is known.
      expect(stats.attempts).toBeGreaterThanOrEqual(N);
      expect(stats.attempts).toBeLessThanOrEqual(2 * N);
      // "A2+1" is three nodes: at most two attempts each.
      expect(stats.nodes).toBeLessThanOrEqual(6 * N);
      // computeMissingResults asks for each cell once, and each attempt reads the next cell.
      expect(stats.reads).toBeLessThanOrEqual(3 * N);
    },
    HANG_GUARD_MS,
  );

  it(
    "computes every cell when each cell refers to the previous one (backward)",
    () => {
      const sheet = chainSheet(N, "backward");
      const stats = freshStats();
      expect(computeMissingResults([sheet], { stats })).toBe(N);
      for (const row of SAMPLE_ROWS) expect(valueOf(sheet, row)).toBe(row);
      for (let row = 1; row <= N; row++) {
        if (valueOf(sheet, row) !== row) throw new Error(`A${row}: ${valueOf(sheet, row)}`);
      }
      // In sheet order every cell finds the one it reads computed: one attempt each.
      expect(stats.attempts).toBe(N);
      expect(stats.nodes).toBeLessThanOrEqual(3 * N);
    },
    HANG_GUARD_MS,
  );

  it(
    "does the same work in both directions, within a constant factor",
    () => {
      const forward = freshStats();
      const backward = freshStats();
      computeMissingResults([chainSheet(N, "forward")], { stats: forward });
      computeMissingResults([chainSheet(N, "backward")], { stats: backward });
      expect(backward.nodes).toBeGreaterThan(0);
      expect(forward.nodes / backward.nodes).toBeLessThanOrEqual(2);
      // And the work grows linearly: ten times the cells, ten times the nodes.
      const small = freshStats();
      computeMissingResults([chainSheet(N / 10, "forward")], { stats: small });
      expect(forward.nodes).toBeLessThanOrEqual(10 * small.nodes + 100);
    },
    HANG_GUARD_MS,
  );

  it(
    "answers for the far end of a chain asked first, on demand",
    () => {
      const forward = chainSheet(N, "forward");
      expect(new Evaluator([forward]).valueAt(forward, 1, 1)).toBe(N);
      const backward = chainSheet(N, "backward");
      expect(new Evaluator([backward]).valueAt(backward, N, 1)).toBe(N);
    },
    HANG_GUARD_MS,
  );
});

describe("a chain deeper than any call stack", () => {
  /**
   * A 1,000 × 1,000 block read as one snake: cell i refers to cell i+1 (the next column, then the
   * next row), so the chain is a million cells long while the sheet has only 1,000 rows.
   */
  function snake(cells: number, width: number): MemorySheet {
    const sheet = new MemorySheet("Sheet1");
    const at = (i: number) => ({ row: Math.floor(i / width) + 1, col: (i % width) + 1 });
    for (let i = 0; i < cells; i++) {
      const { row, col } = at(i);
      if (i === cells - 1) {
        setFormula(sheet, row, col, "1");
      } else {
        const next = at(i + 1);
        setFormula(sheet, row, col, `${columnLetter(next.col)}${next.row}+1`);
      }
    }
    return sheet;
  }

  it(
    "computes a 1,000,000-cell chain without a RangeError",
    () => {
      const sheet = snake(DEEP, 1_000);
      const stats = freshStats();
      let computed = 0;
      expect(() => (computed = computeMissingResults([sheet], { stats }))).not.toThrow();
      expect(computed).toBe(DEEP);
      expect(valueOf(sheet, 1, 1)).toBe(DEEP);
      expect(valueOf(sheet, 1, 2)).toBe(DEEP - 1);
      expect(valueOf(sheet, 500, 1)).toBe(DEEP - 499 * 1_000);
      expect(valueOf(sheet, 1_000, 1_000)).toBe(1);
      expect(stats.attempts).toBeLessThanOrEqual(2 * DEEP);
    },
    HANG_GUARD_MS * 2,
  );
});

describe("cycles inside long chains", () => {
  it(
    "leaves a cycle in the middle of a forward chain, and what depends on it, empty",
    () => {
      // A40000 … A60000 form a loop (A60000 refers back to A40000); A1 … A39999 depend on it;
      // A60001 … A100000 do not.
      const sheet = chainSheet(N, "forward");
      setFormula(sheet, 60_000, 1, "A40000+1");
      const stats = freshStats();
      expect(computeMissingResults([sheet], { stats })).toBe(N - 60_000);
      for (const row of [1, 39_999, 40_000, 50_000, 60_000]) {
        expect(sheet.cell(row, 1)).toMatchObject({ value: null, text: "" });
        expect(sheet.cell(row, 1)?.computed).toBeUndefined();
      }
      expect(valueOf(sheet, 60_001)).toBe(N - 60_000);
      expect(valueOf(sheet, N)).toBe(1);
      expect(stats.attempts).toBeLessThanOrEqual(2 * N);
    },
    HANG_GUARD_MS,
  );

  it(
    "leaves a cycle in the middle of a backward chain, and what depends on it, empty",
    () => {
      const sheet = chainSheet(N, "backward");
      setFormula(sheet, 40_000, 1, "A60000+1");
      expect(computeMissingResults([sheet])).toBe(39_999);
      expect(valueOf(sheet, 39_999)).toBe(39_999);
      for (const row of [40_000, 60_000, 60_001, N]) {
        expect(sheet.cell(row, 1)).toMatchObject({ value: null, text: "" });
      }
    },
    HANG_GUARD_MS,
  );

  it(
    "leaves a chain closed into one loop entirely empty",
    () => {
      const sheet = chainSheet(N, "forward");
      setFormula(sheet, N, 1, "A1+1");
      const evaluator = new Evaluator([sheet]);
      expect(evaluator.valueAt(sheet, 1, 1)).toBeUndefined();
      expect(evaluator.valueAt(sheet, N / 2, 1)).toBeUndefined();
      expect(computeMissingResults([sheet])).toBe(0);
    },
    HANG_GUARD_MS,
  );
});

describe("long chains through ranges", () => {
  it(
    "sums a 100,000-cell column of pending formulas read before any of them is known",
    () => {
      // The total sits on a sheet listed first, so it is computed first and finds the whole
      // column pending: each cell must still be computed once, not once per cell before it.
      const total = new MemorySheet("总计");
      setFormula(total, 1, 1, `SUM(链!A1:A${N})`);
      setFormula(total, 2, 1, "SUM(链!A:A)+A1");
      const chain = chainSheet(N, "forward", "链");
      const stats = freshStats();
      expect(computeMissingResults([total, chain], { stats })).toBe(N + 2);
      expect(valueOf(total, 1)).toBe((N * (N + 1)) / 2);
      expect(valueOf(total, 2)).toBe(N * (N + 1));
      expect(valueOf(chain, 1)).toBe(N);
      expect(stats.attempts).toBeLessThanOrEqual(2 * N + 4);
      // Each range is read twice (once to find the pending cells, once for the sum), each chain
      // cell at most twice more by its neighbour.
      expect(stats.reads).toBeLessThanOrEqual(7 * N);
    },
    HANG_GUARD_MS,
  );

  it(
    "follows a chain whose every link is a range",
    () => {
      // Ar = SUM(A(r+1):B(r+1)) with B holding 1: Ar = A(r+1) + 1, so Ar = n − r + 1.
      const sheet = new MemorySheet("Sheet1");
      for (let row = 1; row <= N; row++) {
        setFormula(sheet, row, 1, row === N ? "1" : `SUM(A${row + 1}:B${row + 1})`);
        sheet.setValue(row, 2, 1);
      }
      const stats = freshStats();
      expect(computeMissingResults([sheet], { stats })).toBe(N);
      expect(valueOf(sheet, 1)).toBe(N);
      expect(valueOf(sheet, N - 1)).toBe(2);
      expect(stats.attempts).toBeLessThanOrEqual(2 * N);
      // Two attempts reading two cells each, and computeMissingResults asking for the cell.
      expect(stats.reads).toBeLessThanOrEqual(5 * N);
    },
    HANG_GUARD_MS,
  );

  it(
    "follows a chain through IF in linear work",
    () => {
      const sheet = new MemorySheet("Sheet1");
      for (let row = 1; row <= N; row++) {
        const next = `A${row + 1}`;
        setFormula(sheet, row, 1, row === N ? "1" : `IF(${next}>0,${next}+1,0)`);
      }
      const stats = freshStats();
      expect(computeMissingResults([sheet], { stats })).toBe(N);
      expect(valueOf(sheet, 1)).toBe(N);
      expect(stats.attempts).toBeLessThanOrEqual(2 * N);
    },
    HANG_GUARD_MS,
  );
});
