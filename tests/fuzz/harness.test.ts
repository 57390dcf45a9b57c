/**
 * The fuzz harness itself: a case that throws, never ends, or exhausts the worker's heap becomes a
 * failure naming that case, and the cases after it still run on a fresh worker. Without this, a
 * hang or an explosion in the fuzz would stop the whole test run instead of failing one case.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildNode, runCases, type FuzzCase } from "./harness";

beforeAll(() => {
  buildNode();
});

describe("fuzz harness", () => {
  it("records throw, hang and out-of-memory per case and goes on", async () => {
    const actions = ["ok", "throw", "ok", "hang", "ok", "oom", "ok"];
    const summary = await runCases({
      kind: "probe",
      indices: actions.map((_, i) => i),
      make: (index): FuzzCase => ({ index, action: actions[index] }),
      budgetMs: 60_000,
      hangMs: 1_000,
      heapMb: 64,
      workers: 1,
      batch: actions.length,
    });
    expect(summary.ran).toBe(actions.length);
    expect(summary.outcomes.get("probe")).toBe(4);
    expect(summary.failures.map((f) => f.index)).toEqual([1, 3, 5]);
    expect(summary.failures[0].detail).toMatch(/TypeError: probe/);
    expect(summary.failures[1].detail).toMatch(/no answer after/);
    expect(summary.failures[2].detail).toMatch(/worker (died|exited)/);
  });

  it("stops making cases when the time budget is spent, and says so", async () => {
    const summary = await runCases({
      kind: "probe",
      indices: [0, 1, 2],
      make: (index): FuzzCase => ({ index, action: "ok" }),
      budgetMs: -1,
      hangMs: 1_000,
      heapMb: 64,
      workers: 1,
      batch: 1,
    });
    expect(summary.ran).toBe(0);
    expect(summary.stoppedByBudget).toBe(true);
  });
});
