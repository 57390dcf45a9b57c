import { describe, expect, it } from "vitest";
import { fundsSumMismatch } from "../../../src/core/rules/funds-sum-mismatch";
import { buildForm } from "../../support/form-builder";
import { SEED_000_DAILY, SEED_000_SECONDED, SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

describe("funds-sum-mismatch", () => {
  it("passes seed forms whose breakdown adds up (blank breakdown rows count as 0)", () => {
    expect(check(fundsSumMismatch, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(fundsSumMismatch, buildForm(SEED_000_DAILY))).toEqual([]);
    // "12.142 988" and 12.142988 are the same amount.
    expect(check(fundsSumMismatch, buildForm(SEED_000_SECONDED))).toEqual([]);
  });

  it("accepts parts rounded at their printed precision", () => {
    const form = buildForm({
      funds: {
        initial: "50",
        budget: "50",
        executed: "49.52",
        weight: "10",
        rate: "99.04%",
        score: "9.9",
      },
      appropriation: { initial: "30", budget: "30", executed: "29.76" },
      carryover: { initial: "20", budget: "20", executed: "19.77" },
      other: { initial: "0", budget: "0", executed: "0" },
    });
    // 29.76 + 19.77 = 49.53 vs 49.52: within 0.005 × 3 of rounding.
    expect(check(fundsSumMismatch, form)).toEqual([]);
  });

  it("skips a column whose breakdown is not filled at all", () => {
    const form = buildForm({
      ...SEED_003_CIVIL_SERVICE,
      appropriation: { initial: "", budget: "", executed: "" },
      carryover: { initial: "", budget: "", executed: "" },
      other: { initial: "", budget: "", executed: "" },
    });
    expect(check(fundsSumMismatch, form)).toEqual([]);
  });

  it("reports the 年度资金总额 cell of the column that does not add up", () => {
    const form = buildForm({
      ...SEED_003_CIVIL_SERVICE,
      carryover: { initial: "0.00", budget: "0.00", executed: "10.00" },
    });
    const findings = check(fundsSumMismatch, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "funds-sum-mismatch",
      severity: "warning",
      cell: "D6",
      expected: "125.43",
      actual: "115.43",
    });
    expect(findings[0].message).toContain("全年执行数为 115.43");
    expect(findings[0].message).toContain("125.43");
  });

  it("takes whole and one-decimal amounts as exact to ±0.005: 0 + 0.3 + 0 is not 0.37", () => {
    const total = { weight: "10", rate: "100%", score: "10" };
    const spec = (otherAmount: string) => ({
      funds: { initial: "0.37", budget: "0.37", executed: "0.37", ...total },
      appropriation: { initial: "0", budget: "0", executed: "0" },
      carryover: { initial: "0.3", budget: "0.3", executed: "0.3" },
      other: { initial: otherAmount, budget: otherAmount, executed: otherAmount },
    });
    const findings = check(fundsSumMismatch, buildForm(spec("0")));
    expect(findings.map((f) => f.cell)).toEqual(["B6", "C6", "D6"]);
    expect(findings[0]).toMatchObject({ expected: "0.3", actual: "0.37" });
    // 0 + 0.3 + 0.07 is 0.37.
    expect(check(fundsSumMismatch, buildForm(spec("0.07")))).toEqual([]);
  });
});
