import { describe, expect, it } from "vitest";
import { execOverspend } from "../../../src/core/rules/exec-overspend";
import { buildForm } from "../../support/form-builder";
import { SEED_000_SECONDED, SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

describe("exec-overspend", () => {
  it("passes forms spent within (or exactly at) the budget", () => {
    expect(check(execOverspend, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(execOverspend, buildForm(SEED_000_SECONDED))).toEqual([]);
  });

  it("reports 全年执行数 above 全年预算数 on the executed cell", () => {
    const form = buildForm({
      funds: {
        initial: "187.40",
        budget: "187.40",
        executed: "190.20",
        weight: "10",
        rate: "101.49%",
        score: "10",
      },
    });
    const findings = check(execOverspend, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "exec-overspend", severity: "warning", cell: "D6" });
    expect(findings[0].message).toContain("全年执行数 190.2 超过全年预算数 187.4");
  });

  it("compares amounts written with units", () => {
    const form = buildForm({
      funds: {
        initial: "3.5万",
        budget: "3.5万",
        executed: "36000元",
        weight: "10",
        rate: "",
        score: "10",
      },
    });
    expect(check(execOverspend, form).map((f) => f.cell)).toEqual(["D6"]);
  });
});
