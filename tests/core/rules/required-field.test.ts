import { describe, expect, it } from "vitest";
import { requiredField } from "../../../src/core/rules/required-field";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  SEED_000_CADRE_TRAINING,
  SEED_000_DAILY,
  SEED_003_CIVIL_SERVICE,
  check,
} from "./seed-forms";

describe("required-field", () => {
  it("passes complete forms, 不涉及 rows with nothing filled included", () => {
    expect(check(requiredField, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(requiredField, buildForm(SEED_000_CADRE_TRAINING))).toEqual([]);
  });

  it("reports every missing 得分 of seed 000 “组织部日常工作经费” on the empty cells", () => {
    const findings = check(requiredField, buildForm(SEED_000_DAILY));
    // G6 execution 得分, the five weighted indicators (rows 14, 15, 16, 18, 21), G22 总分 得分.
    expect(findings.map((f) => f.cell)).toEqual(["G6", "G14", "G15", "G16", "G18", "G21", "G22"]);
    expect(findings.every((f) => f.rule === "required-field" && f.severity === "error")).toBe(true);
    expect(findings[0].message).toContain("预算执行得分未填写");
    expect(findings[1].message).toContain("按财务规定使用资金");
    expect(findings[6].message).toContain("总分");
  });

  it("reports an empty 项目名称 and 主管部门 on their value cells", () => {
    const findings = check(requiredField, buildForm({ projectName: " ", department: "" }));
    expect(findings.map((f) => f.cell)).toEqual(["B3", "B4"]);
    expect(findings[0].message).toContain("项目名称");
    expect(findings[1].message).toContain("主管部门");
  });

  it("reports empty 全年预算数 and 全年执行数, and a dash counts as empty", () => {
    const form = buildForm({
      funds: { initial: "50", budget: "", executed: "—", weight: "10", rate: "", score: "9.9" },
    });
    const findings = check(requiredField, form);
    expect(findings.map((f) => f.cell)).toEqual(["C6", "D6"]);
    expect(findings[0].message).toContain("全年预算数");
    expect(findings[1].message).toContain("全年执行数");
  });

  it("reports an indicator's empty target, actual and weight", () => {
    const form = buildForm({
      indicators: withIndicator(0, { target: "", actual: "", weight: "" }),
    });
    const findings = check(requiredField, form);
    expect(findings.map((f) => f.cell).sort()).toEqual(["D13", "E13", "F13"]);
    expect(findings.find((f) => f.cell === "D13")!.message).toContain("发布信息条数");
    expect(findings.find((f) => f.cell === "D13")!.message).toContain("年度指标值");
  });

  it("does not require target, actual or score of a row weighted 0", () => {
    const form = buildForm({
      indicators: withIndicator(1, { target: "", actual: "", weight: "0", score: "" }),
    });
    expect(check(requiredField, form)).toEqual([]);
  });

  it("does not report text that is not a number (invalid-number's job)", () => {
    const form = buildForm({ indicators: withIndicator(0, { score: "满分" }) });
    expect(check(requiredField, form)).toEqual([]);
  });
});
