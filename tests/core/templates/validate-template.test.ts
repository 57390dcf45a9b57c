/**
 * The validator on the templates: a blank template is a complete form (no structural finding), a
 * correctly filled one has no error once a spreadsheet engine has computed it, and a deduction with
 * no reason is reported on that row's 偏差原因分析及改进措施 cell.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import { national } from "../../../src/core/profiles";
import { templateSpec, type TemplateKind } from "../../../src/core/templates";
import { validateWorkbook } from "../../../src/core/validate";
import { readXlsxBuffer, readXlsxFile } from "../../../src/hosts/xlsx/read";
import { renderTemplate } from "../../../src/hosts/xlsx/template";
import { convertWithLibreOffice, skipLibreOffice } from "../../support/libreoffice";

type ProjectKind = Exclude<TemplateKind, "department">;
const PROJECT_KINDS: ProjectKind[] = ["project", "project-2021"];

function allFindings(report: ReturnType<typeof validateWorkbook>): Finding[] {
  return [...report.findings, ...report.forms.flatMap((form) => form.findings)];
}

/** Row of the first indicator row whose 二级指标 is `level2`. */
function rowOf(kind: ProjectKind, level2: string): number {
  const cell = templateSpec(kind, { year: 2023 }).cells.find(
    (c) => c.address.startsWith("B") && c.value === level2,
  );
  return Number(cell!.address.slice(1));
}

/**
 * Seed 003 “闵行全球引才大会专项经费” (2023): 25.00 / 25.00 / 25.00 → 100%, 10; indicators 30 + 30 + 30,
 * all met. One more row (满意度) so every first-level indicator is there: weights 30 + 30 + 20 + 10.
 */
function fillCorrectly(sheet: ExcelJS.Worksheet, kind: ProjectKind): void {
  sheet.getCell("B3").value = "闵行全球引才大会专项经费";
  sheet.getCell("B4").value = "中共上海市闵行区委组织部";
  sheet.getCell("F4").value = "中共上海市闵行区委组织部";
  for (const col of ["C", "D", "E"]) sheet.getCell(`${col}8`).value = 25;
  sheet.getCell("B12").value = "实施全球引才三年行动计划";
  sheet.getCell("F12").value = "按计划完成";
  const rows: Array<[string, string, string, string, number, number]> = [
    ["数量指标", "新闻稿发表", "=25(篇)", "25(篇)", 30, 30],
    ["质量指标", "活动组织完成", "=10(月)", "10(月)", 30, 30],
    ["可持续影响指标", "高水平人才高地的战略部署", "具有可持续性", "达成指标", 20, 20],
    ["服务对象满意度指标", "参会人员满意度", "≥90%", "95%", 10, 10],
  ];
  for (const [level2, name, target, actual, weight, score] of rows) {
    const row = rowOf(kind, level2);
    sheet.getCell(`C${row}`).value = name;
    sheet.getCell(`D${row}`).value = target;
    sheet.getCell(`E${row}`).value = actual;
    sheet.getCell(`F${row}`).value = weight;
    sheet.getCell(`G${row}`).value = score;
  }
}

describe("validator on blank templates", () => {
  for (const kind of PROJECT_KINDS) {
    it(`finds the whole ${kind} form and no structural finding`, async () => {
      const workbook = new ExcelJS.Workbook();
      await renderTemplate(workbook, templateSpec(kind, { year: 2025 }));
      const grid = await readXlsxBuffer(Buffer.from(await workbook.xlsx.writeBuffer()), "t.xlsx");
      const report = validateWorkbook(grid, national);
      expect(report.forms).toHaveLength(1);
      const rules = allFindings(report).map((finding) => finding.rule);
      expect(rules).not.toContain("missing-section");
      expect(rules).not.toContain("no-form");
    });
  }
});

describe.skipIf(skipLibreOffice)("validator on filled templates computed by LibreOffice", () => {
  let dir: string;
  const reports = new Map<string, ReturnType<typeof validateWorkbook>>();
  const deductionRow = new Map<ProjectKind, number>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "perf-eval-validate-template-"));
    const files: string[] = [];
    for (const kind of PROJECT_KINDS) {
      const correct = new ExcelJS.Workbook();
      fillCorrectly(await renderTemplate(correct, templateSpec(kind, { year: 2023 })), kind);
      files.push(join(dir, `${kind}-correct.xlsx`));
      await correct.xlsx.writeFile(files.at(-1)!);

      // Seed 001 招聘岗位人数: 257 planned, 248 reached, weight 5 → 4.82 (printed 4.8), no reason.
      const deducted = new ExcelJS.Workbook();
      const sheet = await renderTemplate(deducted, templateSpec(kind, { year: 2023 }));
      fillCorrectly(sheet, kind);
      const row = rowOf(kind, "数量指标") + 1;
      sheet.getCell(`C${row}`).value = "招聘岗位人数";
      sheet.getCell(`D${row}`).value = "257";
      sheet.getCell(`E${row}`).value = "248";
      sheet.getCell(`F${row}`).value = 5;
      sheet.getCell(`G${row}`).value = 4.8;
      sheet.getCell(`F${rowOf(kind, "数量指标")}`).value = 25;
      sheet.getCell(`G${rowOf(kind, "数量指标")}`).value = 25;
      deductionRow.set(kind, row);
      files.push(join(dir, `${kind}-deducted.xlsx`));
      await deducted.xlsx.writeFile(files.at(-1)!);
    }
    const outputs = await convertWithLibreOffice(files, "xlsx", join(dir, "out"));
    for (const output of outputs) {
      const name = output.replace(/^.*[\\/]/, "").replace(/\.xlsx$/, "");
      reports.set(name, validateWorkbook(await readXlsxFile(output), national));
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const kind of PROJECT_KINDS) {
    it(`reports no error on a correctly filled ${kind} form`, () => {
      const report = reports.get(`${kind}-correct`)!;
      expect(report.forms).toHaveLength(1);
      const errors = allFindings(report).filter((finding) => finding.severity === "error");
      expect(errors).toEqual([]);
      expect(report.forms[0]!.total.printed).toBe(100);
      expect(report.forms[0]!.grade).toBe("优");
    });

    it(`reports the unexplained deduction of a ${kind} form on its explanation cell`, () => {
      const report = reports.get(`${kind}-deducted`)!;
      const row = deductionRow.get(kind)!;
      const unexplained = allFindings(report).filter(
        (finding) => finding.rule === "deviation-unexplained",
      );
      expect(unexplained.map((finding) => finding.cell)).toEqual([`H${row}`]);
      expect(unexplained[0]!.severity).toBe("error");
    });
  }
});
