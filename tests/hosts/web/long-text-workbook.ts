/**
 * A hostile workbook for issue 11: a few KB on disk (repeated text compresses well) whose cells hold
 * 1.2 million characters in places the checker shows: the project name, and indicators whose
 * targets and actuals are quoted by findings. Built in memory with exceljs, never committed.
 */
import ExcelJS from "exceljs";
import { layoutForm } from "../../../scripts/fixture-layouts.mjs";
import { seedForm } from "../../support/seed-fixtures";

/** `unit` repeated to exactly `length` UTF-16 units. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export interface LongTextWorkbook {
  bytes: Buffer;
  projectName: string;
  /** The three long indicators' texts, as written. */
  indicators: Array<{ target: string; actual: string }>;
  /** Characters in all the long cells together. */
  totalChars: number;
}

/**
 * Seed form 003-1 (Shanghai layout) with a 300,000-character project name and three indicators
 * whose target (100,000) and actual ("未完成…", 200,000) are long. The actual says 未完成 while the
 * score is full and nothing is explained, so deviation-unexplained and score-out-of-range quote
 * them.
 */
export async function longTextWorkbook(): Promise<LongTextWorkbook> {
  const form = seedForm("003-1");
  form.projectName = repeatTo("超长项目名称", 300_000);
  const indicators = form.indicators.slice(0, 3).map((indicator, i) => {
    indicator.target = repeatTo(`第${i + 1}项指标值`, 100_000);
    indicator.actual = `未完成${repeatTo(`第${i + 1}项实际完成情况`, 200_000 - 3)}`;
    indicator.explanation = "";
    return { target: indicator.target, actual: indicator.actual };
  });
  const workbook = new ExcelJS.Workbook();
  layoutForm(workbook.addWorksheet("长文本"), form, { layout: "shanghai" });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const totalChars =
    form.projectName.length +
    indicators.reduce((sum, { target, actual }) => sum + target.length + actual.length, 0);
  return { bytes, projectName: form.projectName, indicators, totalChars };
}
