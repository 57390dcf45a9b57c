import { describe, expect, it } from "vitest";
import { national, shanghai } from "../../../src/core/profiles";
import { execScoreMismatch } from "../../../src/core/rules/exec-score-mismatch";
import { buildForm, type FundsSpec } from "../../support/form-builder";
import { SEED_000_SECONDED, check } from "./seed-forms";

const funds = (budget: string, executed: string, score: string, weight = "10"): FundsSpec => ({
  initial: budget,
  budget,
  executed,
  weight,
  rate: "",
  score,
});

describe("exec-score-mismatch", () => {
  it("accepts the seed 003 scores", () => {
    const seedRows = [
      ["50.00", "49.52", "9.90"],
      ["1,663.27", "1,404.77", "8.45"],
      ["187.40", "115.43", "6.16"],
      ["3.20", "1.46", "4.56"],
      ["108.00", "107.35", "9.94"],
      ["40.00", "39.55", "9.89"],
      ["4.00", "2.71", "6.78"],
    ];
    for (const [budget, executed, score] of seedRows) {
      const form = buildForm({ funds: funds(budget, executed, score, "10.00") });
      expect(check(execScoreMismatch, form, shanghai)).toEqual([]);
    }
    expect(check(execScoreMismatch, buildForm(SEED_000_SECONDED))).toEqual([]);
  });

  it("accepts every honest print of an exact 9.906 (10, 9.9, 9.91)", () => {
    for (const score of ["10", "9.9", "9.91"]) {
      expect(check(execScoreMismatch, buildForm({ funds: funds("3.5", "3.467", score) }))).toEqual(
        [],
      );
    }
  });

  it("reports 9 for an exact 9.906", () => {
    const findings = check(execScoreMismatch, buildForm({ funds: funds("3.5", "3.467", "9") }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "exec-score-mismatch",
      severity: "error",
      cell: "G6",
      expected: "9.91",
      actual: "9",
    });
    expect(findings[0].message).toContain("预算执行得分应为 9.91");
    expect(findings[0].message).toContain("表中为 9");
  });

  it("reports 6.87 for 2.71 / 4.00 and gives 6.78 (10 × 0.6775 half-up, not 6.77)", () => {
    const findings = check(
      execScoreMismatch,
      buildForm({ funds: funds("4.00", "2.71", "6.87") }),
      national,
    );
    expect(findings.map((f) => [f.cell, f.expected])).toEqual([["G6", "6.78"]]);
  });

  it("reports a score above the weight on overspending (the rate counts at most 100%)", () => {
    const findings = check(execScoreMismatch, buildForm({ funds: funds("50", "55", "11") }));
    expect(findings.map((f) => f.expected)).toEqual(["10"]);
  });

  it("uses the printed 分值 of the execution line", () => {
    // 分值 20: 20 × 99.04% = 19.81.
    expect(
      check(execScoreMismatch, buildForm({ funds: funds("50", "49.52", "19.81", "20") })),
    ).toEqual([]);
    expect(
      check(execScoreMismatch, buildForm({ funds: funds("50", "49.52", "9.9", "20") })),
    ).toHaveLength(1);
  });

  it("stays silent on an empty or unreadable score", () => {
    expect(check(execScoreMismatch, buildForm({ funds: funds("50", "49.52", "") }))).toEqual([]);
    expect(check(execScoreMismatch, buildForm({ funds: funds("50", "49.52", "满分") }))).toEqual(
      [],
    );
  });

  it("reports 9 printed for 50万 / 47.68万 (95.36% → 9.54): whole amounts are exact to ±0.005", () => {
    const form = buildForm({
      funds: { ...funds("50万", "47.68万", "9"), rate: "95.36%" },
    });
    const findings = check(execScoreMismatch, form);
    expect(findings.map((f) => f.cell)).toEqual(["G6"]);
    expect(findings[0]).toMatchObject({ expected: "9.54", actual: "9" });
    expect(check(execScoreMismatch, buildForm({ funds: funds("50万", "47.68万", "10") }))).toEqual(
      [],
    );
    expect(check(execScoreMismatch, buildForm({ funds: funds("50万", "47.68万", "9.5") }))).toEqual(
      [],
    );
  });

  it("checks the score against the rate the accepted printed 执行率 narrows it to", () => {
    // 0.16 / 0.15 allows 87.9–100% and any score from 8.79 to 10; the printed 93.75% says which.
    const narrowed = buildForm({ funds: { ...funds("0.16", "0.15", "9.9"), rate: "93.75%" } });
    expect(check(execScoreMismatch, narrowed).map((f) => f.cell)).toEqual(["G6"]);
    const honest = buildForm({ funds: { ...funds("0.16", "0.15", "9.38"), rate: "93.75%" } });
    expect(check(execScoreMismatch, honest)).toEqual([]);
    // A printed rate that is itself wrong narrows nothing (exec-rate-mismatch reports it).
    const wrongRate = buildForm({ funds: { ...funds("0.16", "0.15", "9.38"), rate: "80%" } });
    expect(check(execScoreMismatch, wrongRate)).toEqual([]);
  });
});
