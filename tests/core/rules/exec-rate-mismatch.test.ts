import { describe, expect, it } from "vitest";
import { national, shanghai } from "../../../src/core/profiles";
import { execRateMismatch } from "../../../src/core/rules/exec-rate-mismatch";
import { buildForm, type FundsSpec } from "../../support/form-builder";
import { SEED_000_SECONDED, SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

const funds = (budget: string, executed: string, rate: string, score = "10"): FundsSpec => ({
  initial: budget,
  budget,
  executed,
  weight: "10",
  rate,
  score,
});

describe("exec-rate-mismatch", () => {
  it("accepts seed 003 rates, truncated as Shanghai prints them, under both profiles", () => {
    const seedRows = [
      ["50.00", "49.52", "99.04"],
      ["1,663.27", "1,404.77", "84.45"],
      ["187.40", "115.43", "61.59"],
      ["3.20", "1.46", "45.62"],
      ["108.00", "107.35", "99.39"],
      ["40.00", "39.55", "98.87"],
    ];
    for (const [budget, executed, rate] of seedRows) {
      const form = buildForm({ funds: funds(budget, executed, rate) });
      expect(check(execRateMismatch, form, shanghai)).toEqual([]);
      expect(check(execRateMismatch, form, national)).toEqual([]);
    }
  });

  it("accepts seed 000 forms (100% of 12.142 988) and a rate stored as a fraction", () => {
    expect(check(execRateMismatch, buildForm(SEED_000_SECONDED))).toEqual([]);
    expect(check(execRateMismatch, buildForm({ funds: funds("50", "49.52", "0.9904") }))).toEqual(
      [],
    );
  });

  it("accepts a rate whose rounding comes from the amounts' own rounding (0.16万 is 0.155–0.165)", () => {
    // 0.16 / 0.2 = 80%, but 0.155 / 0.2 = 77.5% is possible too.
    expect(check(execRateMismatch, buildForm({ funds: funds("0.2", "0.16", "78%") }))).toEqual([]);
  });

  it("reports a wrong rate with the right one and how it is computed (3.467 / 3.50)", () => {
    const findings = check(
      execRateMismatch,
      buildForm({ funds: funds("3.50", "3.467", "98.06%") }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "exec-rate-mismatch",
      severity: "error",
      cell: "F6",
      expected: "99.06%",
      actual: "98.06%",
    });
    expect(findings[0].message).toContain("执行率应为 99.06%（3.467 ÷ 3.5），表中为 98.06%");
  });

  it("reports a rate computed on 年初预算数 instead of 全年预算数 (seed 003 公务员管理 figures)", () => {
    const form = buildForm({
      ...SEED_003_CIVIL_SERVICE,
      funds: {
        initial: "200.00",
        budget: "187.40",
        executed: "115.43",
        weight: "10.00",
        rate: "57.72",
        score: "6.16",
      },
    });
    const findings = check(execRateMismatch, form, shanghai);
    expect(findings.map((f) => f.cell)).toEqual(["F6"]);
    expect(findings[0].message).toContain("61.59%");
  });

  it("accepts an overspent rate printed capped at 100%, but not another wrong rate", () => {
    const capped = buildForm({ funds: funds("30.00", "30.50", "100%") });
    expect(check(execRateMismatch, capped)).toEqual([]);
    const findings = check(
      execRateMismatch,
      buildForm({ funds: funds("30.00", "30.50", "99.00%") }),
    );
    expect(findings.map((f) => f.expected)).toEqual(["101.67%"]);
  });

  it("stays silent when the amounts are missing or the rate is not a number", () => {
    expect(check(execRateMismatch, buildForm({ funds: funds("", "49.52", "50%") }))).toEqual([]);
    expect(check(execRateMismatch, buildForm({ funds: funds("50", "49.52", "约99%") }))).toEqual(
      [],
    );
    expect(check(execRateMismatch, buildForm({ funds: funds("0", "0", "100%") }))).toEqual([]);
  });

  it("takes whole amounts as exact to ±0.005 (domain.md §4): 6 / 6 printed as 98% is wrong", () => {
    const findings = check(execRateMismatch, buildForm({ funds: funds("6", "6", "98%") }));
    expect(findings.map((f) => f.cell)).toEqual(["F6"]);
    expect(findings[0].expected).toBe("100.00%");
    // 76万 / 72.47万 is 95.34–95.37%: a printed 95.2% is a rounding of none of them.
    const wan = check(execRateMismatch, buildForm({ funds: funds("76万", "72.47万", "95.2%") }));
    expect(wan.map((f) => f.cell)).toEqual(["F6"]);
    expect(
      check(execRateMismatch, buildForm({ funds: funds("76万", "72.47万", "95.36%") })),
    ).toEqual([]);
  });

  it("takes amounts written with a unit as exact to ±0.005 of it (6万元 / 5.7万元 is 95%)", () => {
    const exact = buildForm({ funds: funds("6万元", "5.7万元", "95%") });
    expect(check(execRateMismatch, exact)).toEqual([]);
    const wrong = buildForm({ funds: funds("6万元", "5.7万元", "96%") });
    expect(check(execRateMismatch, wrong).map((f) => f.cell)).toEqual(["F6"]);
    // 35000元 was always exact to 0.5 元; now to 0.005 元, and still right.
    expect(
      check(execRateMismatch, buildForm({ funds: funds("35000元", "34650元", "99%") })),
    ).toEqual([]);
  });

  it("reads a stored amount that a format displays rounded (29.84 shown as 30) as stored", () => {
    const form = buildForm({ funds: funds("30", "29.84", "100%") });
    const budget = form.funds?.total?.budget;
    if (budget !== undefined) budget.numeric = 29.84;
    expect(check(execRateMismatch, form)).toEqual([]);
  });
});
