import type ExcelJS from "exceljs";
import { templateSpec, type TemplateKind } from "../../src/core/templates";

/** Row of the first indicator row of a project template whose 二级指标 is `level2`. */
export function templateRowOf(kind: TemplateKind, level2: string): number {
  const cell = templateSpec(kind, { year: 2023 }).cells.find(
    (c) => c.address.startsWith("B") && c.value === level2,
  );
  if (!cell) throw new Error(`template ${kind} has no row for ${level2}`);
  return Number(cell.address.slice(1));
}

/**
 * Fills a project template's input cells correctly with seed 003 “闵行全球引才大会专项经费” (2023):
 * 25.00 / 25.00 / 25.00 → 100%, 10; indicators 30 + 30 + 20 + 10 (one 满意度 row added so every
 * first-level indicator is there), all met.
 */
export function fillProjectTemplate(sheet: ExcelJS.Worksheet, kind: TemplateKind): void {
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
    const row = templateRowOf(kind, level2);
    sheet.getCell(`C${row}`).value = name;
    sheet.getCell(`D${row}`).value = target;
    sheet.getCell(`E${row}`).value = actual;
    sheet.getCell(`F${row}`).value = weight;
    sheet.getCell(`G${row}`).value = score;
  }
}
