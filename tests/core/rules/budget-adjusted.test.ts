import { describe, expect, it } from "vitest";
import { budgetAdjusted } from "../../../src/core/rules/budget-adjusted";
import { buildForm, type FundsSpec } from "../../support/form-builder";
import { SEED_000_FIRST_SECRETARY, SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

const funds = (initial: string, budget: string): FundsSpec => ({
  initial,
  budget,
  executed: budget,
  weight: "10",
  rate: "100%",
  score: "10",
});

describe("budget-adjusted", () => {
  it("passes an unchanged budget and a change within 10%", () => {
    expect(check(budgetAdjusted, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(budgetAdjusted, buildForm({ funds: funds("50", "54") }))).toEqual([]);
  });

  it("skips a form whose 年初预算数 is 0 or empty", () => {
    expect(check(budgetAdjusted, buildForm({ funds: funds("0", "6") }))).toEqual([]);
    expect(check(budgetAdjusted, buildForm({ funds: funds("", "6") }))).toEqual([]);
  });

  it("reports seed 000 第一书记 (2.73 cut to 0.045) on 全年预算数", () => {
    const findings = check(budgetAdjusted, buildForm(SEED_000_FIRST_SECRETARY));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "budget-adjusted", severity: "info", cell: "C6" });
    expect(findings[0].message).toContain("0.045");
    expect(findings[0].message).toContain("2.73");
    expect(findings[0].message).toContain("调减");
  });

  it("reports an increase above 10%", () => {
    const findings = check(budgetAdjusted, buildForm({ funds: funds("50", "56") }));
    expect(findings.map((f) => f.cell)).toEqual(["C6"]);
    expect(findings[0].message).toContain("调增 12%");
  });
});
