import { describe, expect, it } from "vitest";
import { totalMismatch } from "../../../src/core/rules/total-mismatch";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  SEED_000_CADRE_TRAINING,
  SEED_000_DAILY,
  SEED_000_SECONDED,
  SEED_003_CIVIL_SERVICE,
  check,
} from "./seed-forms";

describe("total-mismatch", () => {
  it("passes seed forms whose total is the sum (6.16 + 90 = 96.16)", () => {
    expect(check(totalMismatch, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(totalMismatch, buildForm(SEED_000_SECONDED))).toEqual([]);
    expect(check(totalMismatch, buildForm())).toEqual([]);
  });

  it("reports 96.61 typed for 96.16 on the 总分 得分", () => {
    const findings = check(
      totalMismatch,
      buildForm({ ...SEED_003_CIVIL_SERVICE, totalScore: "96.61" }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "total-mismatch",
      severity: "error",
      cell: "G20",
      expected: "96.16",
      actual: "96.61",
    });
    expect(findings[0].message).toContain("总分应为 96.16（各项得分之和），表中为 96.61");
  });

  it("reports seed 000 干部教育培训: the scores add to 190, the total says 100", () => {
    const findings = check(totalMismatch, buildForm(SEED_000_CADRE_TRAINING));
    expect(findings.map((f) => [f.cell, f.expected, f.actual])).toEqual([["G22", "190", "100"]]);
  });

  it("tolerates a score displayed rounder than it is (4.8 shown for 4.82)", () => {
    // 9.9 + 19.8 + 70 = 99.7; a total of 99.72 is possible when the 19.8 holds 19.82.
    const indicators = withIndicator(0, { score: "19.8" });
    expect(check(totalMismatch, buildForm({ indicators, totalScore: "99.72" }))).toEqual([]);
    expect(check(totalMismatch, buildForm({ indicators, totalScore: "99.9" }))).toHaveLength(1);
  });

  it("leaves forms with missing scores to required-field (seed 000 组织部日常工作经费)", () => {
    expect(check(totalMismatch, buildForm({ ...SEED_000_DAILY, totalScore: "100" }))).toEqual([]);
  });

  it("uses the computed execution score when the funds block has no 得分", () => {
    const form = buildForm({ totalScore: "99.9" });
    form.funds!.total!.score = { address: "G6", text: "" };
    expect(check(totalMismatch, form)).toEqual([]);
    form.total!.score = { address: "G18", text: "98.9", numeric: 98.9 };
    expect(check(totalMismatch, form).map((f) => f.expected)).toEqual(["99.9"]);
  });
});
