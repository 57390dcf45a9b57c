import { describe, expect, it } from "vitest";
import { missingSection } from "../../../src/core/rules/missing-section";
import { buildForm } from "../../support/form-builder";
import { SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

describe("missing-section", () => {
  it("passes a complete form (seed 003 公务员管理)", () => {
    expect(check(missingSection, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
  });

  it("reports a form without 年度资金总额 on the title cell", () => {
    const findings = check(missingSection, buildForm({ ...SEED_003_CIVIL_SERVICE, funds: null }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "missing-section", severity: "error", cell: "A1" });
    expect(findings[0].message).toContain("年度资金总额");
  });

  it("reports a missing indicator head row and a missing 总分 row, one finding each", () => {
    const form = buildForm({ ...SEED_003_CIVIL_SERVICE, indicators: null, hasTotal: false });
    const findings = check(missingSection, form);
    expect(findings.map((f) => f.cell)).toEqual(["A1", "A1"]);
    expect(findings[0].message).toContain("绩效指标表头");
    expect(findings[1].message).toContain("总分");
  });

  it("reports a funds block whose 年度资金总额 row was not found", () => {
    const form = buildForm(SEED_003_CIVIL_SERVICE);
    delete form.funds!.total;
    expect(check(missingSection, form).map((f) => f.cell)).toEqual(["A1"]);
  });
});
