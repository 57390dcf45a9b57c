import { describe, expect, it } from "vitest";
import { MemorySheet } from "../../src/core/grid";
import { capped, shanghai } from "../../src/core/profiles";
import { validateForm, validateWorkbook } from "../../src/core/validate";
import { detectForms } from "../../src/core/forms";
import type { Rule } from "../../src/core/rules";
import { totalMismatch } from "../../src/core/rules/total-mismatch";
import { placeTsv } from "./forms/sheet-helpers";
import {
  SHANGHAI_FORM_1 as CONTEST,
  shanghaiCivilService as civilService,
} from "./forms/shanghai-data";

function sheetWith(name: string, tsv: string, hidden = false, top = 1): MemorySheet {
  const sheet = new MemorySheet(name, hidden);
  placeTsv(sheet, tsv, { top, numbers: true });
  return sheet;
}

describe("validateForm", () => {
  it("reports the execution figures, totals and grade of seed 003 公务员管理", () => {
    const [form] = detectForms(sheetWith("组织部", civilService("96.16", "优")));
    const report = validateForm(form, shanghai);
    expect(report.sheet).toBe("组织部");
    expect(report.projectName).toBe("公务员管理");
    expect(report.execution.rate).toBeCloseTo(115.43 / 187.4, 12);
    expect(report.execution.score).toBe(6.16);
    expect(report.total).toEqual({ printed: 96.16, computed: 96.16 });
    expect(report.grade).toBe("优");
    // 61.59% needs a reason: the only error or warning of this published form (infos are hints).
    const notInfo = report.findings.filter((f) => f.severity !== "info");
    expect(notInfo.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["exec-rate-low", "warning", "G6"],
    ]);
  });

  it("sorts a form's findings by row, then column", () => {
    const [form] = detectForms(sheetWith("组织部", civilService("96.61", "良")));
    const report = validateForm(form, capped);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toContain("total-mismatch");
    expect(rules).toContain("exec-cap-exceeded");
    expect(rules).toContain("grade-mismatch");
    const positions = report.findings.map((f) => {
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      return Number(m[2]) * 100 + (m[1].charCodeAt(0) - 64);
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("keeps the other rules' findings when one rule fails, and says which check did not run", () => {
    const [form] = detectForms(sheetWith("组织部", civilService("96.61", "优")));
    const broken: Rule = {
      meta: { id: "broken-rule", severity: "error", description: "测试用规则" },
      check() {
        throw new Error("boom");
      },
    };
    const report = validateForm(form, shanghai, { rules: [broken, totalMismatch] });
    expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["broken-rule", "warning", form.title.address],
      ["total-mismatch", "error", "G20"],
    ]);
    expect(report.findings[0].message).toContain("测试用规则");
  });
});

describe("validateWorkbook", () => {
  it("validates every form on every sheet, hidden sheets included", () => {
    const workbook = {
      sheets: [sheetWith("大赛", CONTEST), sheetWith("隐藏", civilService("96.61", "优"), true, 3)],
    };
    const report = validateWorkbook(workbook, shanghai);
    expect(report.findings).toEqual([]);
    expect(report.forms.map((f) => [f.sheet, f.projectName])).toEqual([
      ["大赛", "闵行区创新创业大赛专项经费"],
      ["隐藏", "公务员管理"],
    ]);
    expect(report.forms[0].findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.forms[0].execution.score).toBe(9.9);
    const mismatch = report.forms[1].findings.find((f) => f.rule === "total-mismatch");
    expect(mismatch).toMatchObject({
      sheet: "隐藏",
      severity: "error",
      expected: "96.16",
      actual: "96.61",
    });
    expect(mismatch!.message).toContain("总分应为 96.16（各项得分之和），表中为 96.61");
  });

  it("finds two forms stacked on one sheet", () => {
    const sheet = new MemorySheet("汇总");
    const end = placeTsv(sheet, CONTEST, { numbers: true });
    placeTsv(sheet, civilService("96.16", "优"), { top: end + 3, numbers: true });
    const report = validateWorkbook({ sheets: [sheet] }, shanghai);
    expect(report.forms.map((f) => f.projectName)).toEqual([
      "闵行区创新创业大赛专项经费",
      "公务员管理",
    ]);
    expect(report.forms[1].total.computed).toBe(96.16);
  });

  it("reports a workbook without any form once, on the first sheet's A1", () => {
    const empty = new MemorySheet("说明");
    empty.setValue(1, 1, "填报说明");
    const report = validateWorkbook({ sheets: [empty, new MemorySheet("Sheet2")] }, shanghai);
    expect(report.forms).toEqual([]);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: "no-form",
      severity: "warning",
      sheet: "说明",
      cell: "A1",
    });
    expect(report.findings[0].message).toContain("项目支出绩效自评表");
  });
});
