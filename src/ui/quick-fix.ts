/**
 * Quick fixes (修正): for a printed 执行率, 执行得分, 总分 or 评分等级 that the engine found wrong, the
 * value to write instead, in the style the cell already uses; for a number held as text
 * (number-as-text), the number the engine read, with a number format that shows the same text.
 * Pure: the task pane asks the host to write the value; nothing in src/core changes for it, the
 * figures come from the form's report and the finding the rule gave.
 */
import type { Finding } from "../core/findings";
import { detectForms } from "../core/forms";
import type { Form } from "../core/forms/model";
import { fromA1, type GridCell, type SheetGrid, type WorkbookGrid } from "../core/grid";
import { formatValue } from "../core/grid/format";
import { memoByObject } from "../core/memo";
import type { Profile } from "../core/profiles/schema";
import { readExecution, type ExecutionFigures } from "../core/rules/execution";
import { readAmount, readNumber } from "../core/rules/fields";
import { numberCells, readNumberCell } from "../core/rules/number-cells";
import { displayRatePercent, executionScore, roundHalfUp } from "../core/scoring";
import type { FormReport } from "../core/validate";
import { compactText } from "../core/values";

/** The rules whose findings can be fixed by writing the value the engine computed. */
export const QUICK_FIX_RULES: readonly string[] = [
  "exec-rate-mismatch",
  "exec-score-mismatch",
  "total-mismatch",
  "grade-mismatch",
  "number-as-text",
];

/** Scores and totals are written with at most this many decimals, as the forms print them. */
const SCORE_DECIMALS = 2;

export interface QuickFix {
  sheet: string;
  cell: string;
  /** What to write: a number for a number cell, text for a text cell. */
  value: number | string;
  /** What the cell will show, for the button's 改为 “…”. */
  shown: string;
  /**
   * The number format to write with the value, when the cell's own would not do: a number typed as
   * text usually sits in a text-formatted ("@") cell, which would keep the written number text.
   */
  numFmt?: string;
}

/**
 * The fix for one finding, or undefined when the rule has none or the right value is not known.
 * `form` is the report of the form the finding belongs to; `sheet` is the sheet as the grid read it:
 * the cell's stored value and number format decide the style of the new value, and the form on it
 * gives the execution figures (分值, exact rate) a score at the cell's own precision needs.
 */
export function quickFixFor(
  finding: Finding,
  form: FormReport | undefined,
  profile: Profile,
  sheet: SheetGrid | undefined,
): QuickFix | undefined {
  if (!QUICK_FIX_RULES.includes(finding.rule)) return undefined;
  const position = fromA1(finding.cell);
  if (!finding.sheet || sheet === undefined || position === undefined) return undefined;
  const current = sheet.cell(position.row, position.col);
  if (current === undefined) return undefined;
  const fixed = fixedValue({ finding, form, profile, sheet, current });
  if (fixed === undefined) return undefined;
  // A fix that writes what is already there would leave the finding in place: offer nothing.
  if (fixed.value === current.value && fixed.shown === current.text) return undefined;
  return { sheet: finding.sheet, cell: finding.cell, ...fixed };
}

interface FixContext {
  finding: Finding;
  form: FormReport | undefined;
  profile: Profile;
  sheet: SheetGrid;
  current: GridCell;
}

type FixedValue = Pick<QuickFix, "value" | "shown" | "numFmt">;

function fixedValue(context: FixContext): FixedValue | undefined {
  const { finding, form, current } = context;
  switch (finding.rule) {
    case "exec-rate-mismatch":
      return rateFix(context);
    case "exec-score-mismatch":
      return scoreFix(context);
    case "total-mismatch":
      // The rule's expected total is built from the printed execution score (what the form adds
      // up); the report's computed total uses the computed one, the fallback only.
      return numberFix(numberIn(finding.expected) ?? form?.total.computed ?? null, current);
    case "grade-mismatch":
      return gradeFix(finding.expected ?? form?.grade ?? undefined, current);
    case "number-as-text":
      return numberAsTextFix(context);
    default:
      return undefined;
  }
}

/** The first number in an expected value such as "98.50%" or "9.9". */
function numberIn(text: string | undefined): number | null {
  const match = /-?\d+(?:\.\d+)?/.exec(text ?? "");
  return match ? Number(match[0]) : null;
}

/** Decimals printed in a text such as "98.5%" (0 when none). */
function decimalsIn(text: string): number {
  const match = /\d\.(\d+)/.exec(text);
  return match ? match[1].length : 0;
}

/**
 * Decimals a number format always shows ("0.00" and "0.00%" → 2), or undefined for General and
 * formats that show as many as the value has: the engine reads the printed text, so a fixed value
 * must be right at the precision the cell will print.
 */
function formatDecimals(numFmt: string | undefined): number | undefined {
  if (numFmt === undefined || numFmt === "" || /general/i.test(numFmt)) return undefined;
  const probe = formatValue(1.23456789, numFmt);
  return probe === formatValue(1.23456789, undefined) ? undefined : decimalsIn(probe);
}

function clean(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/** The detected form the report describes (the report carries figures, not cells). */
function detectedForm(context: FixContext): Form | undefined {
  const { form, sheet } = context;
  if (form === undefined) return undefined;
  return formsOn(sheet).find((candidate) => candidate.range === form.range);
}

/** The form's execution figures (分值, exact rate), read from the detected form itself. */
function executionOf(context: FixContext): ExecutionFigures | undefined {
  const detected = detectedForm(context);
  return detected === undefined ? undefined : readExecution(detected, context.profile);
}

/** Detection per sheet object, once: a pane lists many findings of the same sheet. */
const formsOn = memoByObject((sheet: SheetGrid) => detectForms(sheet));

function rateFix(context: FixContext): FixedValue | undefined {
  const { finding, form, profile, current } = context;
  const rate = form?.execution.rate ?? null;
  const { value, numFmt } = current;
  const percentAt = (decimals: number): number | null =>
    rate !== null
      ? displayRatePercent(rate, { ...profile, rateDecimals: decimals })
      : numberIn(finding.expected);
  if (typeof value === "number") {
    // A percent-formatted cell stores the fraction (0.985 shows as 98.50%); a 执行率(%) column
    // holds 98.5 for 98.5%; a bare fraction (0.985) is kept a fraction.
    const percentFormat = numFmt?.includes("%") ?? false;
    const fraction = percentFormat || looksLikeFraction(value, rate);
    // The percent's decimals as the cell will print them: a bare fraction printed "0.0000" is a
    // percent with 2 decimals.
    const fixed = formatDecimals(numFmt);
    const decimals =
      fixed === undefined
        ? profile.rateDecimals
        : fraction && !percentFormat
          ? Math.max(0, fixed - 2)
          : fixed;
    const percent = percentAt(decimals);
    if (percent === null) return undefined;
    const written = fraction ? clean(percent / 100, decimals + 2) : clean(percent, decimals);
    return { value: written, shown: formatValue(written, numFmt) };
  }
  if (typeof value === "string" || value === null) {
    const percent = percentAt(profile.rateDecimals);
    if (percent === null) return undefined;
    const text = current.text;
    const sign = /％/.test(text) ? "％" : /%/.test(text) ? "%" : "";
    const written = `${percent.toFixed(profile.rateDecimals)}${sign}`;
    return { value: written, shown: written };
  }
  return undefined;
}

/**
 * Whether a stored number without a % format is a fraction (0.985) rather than a percent (98.5):
 * the reading of the engine's printed-rate parser, a fraction only at most 1.5 and when that reading
 * is the closer one to the true rate.
 */
function looksLikeFraction(value: number, rate: number | null): boolean {
  if (value > 1.5) return false;
  if (rate === null) return value <= 1;
  return Math.abs(value - rate) < Math.abs(value - rate * 100);
}

function scoreFix(context: FixContext): FixedValue | undefined {
  const { finding, form, profile, current } = context;
  const decimals = typeof current.value === "number" ? formatDecimals(current.numFmt) : undefined;
  const execution = executionOf(context);
  if (execution !== undefined && decimals !== undefined && decimals !== profile.scoreDecimals) {
    // A cell formatted "0.00" prints 2 decimals whatever the profile rounds to: the score must be
    // right at that precision (10 × 61.595% is 6.16 there, 6 for a whole-number profile's "0").
    const score = executionScore(execution.rate, execution.weight, {
      ...profile,
      scoreDecimals: decimals,
    });
    return numberFix(score, current);
  }
  return numberFix(form?.execution.score ?? numberIn(finding.expected), current);
}

function numberFix(target: number | null, current: GridCell): FixedValue | undefined {
  if (target === null || !Number.isFinite(target)) return undefined;
  if (typeof current.value === "number") {
    const number = roundHalfUp(target, formatDecimals(current.numFmt) ?? SCORE_DECIMALS);
    return { value: number, shown: formatValue(number, current.numFmt) };
  }
  if (typeof current.value === "string" || current.value === null) {
    // Text stays text with at least the decimals it printed ("95.00" → "96.16").
    const number = roundHalfUp(target, SCORE_DECIMALS);
    const written = number.toFixed(Math.max(decimalsIn(current.text), decimalsIn(String(number))));
    return { value: written, shown: written };
  }
  return undefined;
}

/**
 * A number typed as text ("1,663.27", "99.04%", "12.142 988", "10分", "3.5万"): the number every
 * rule already reads from it (the engine's own reading, never a second parser), written with a
 * number format that shows the text again when one does, else General. No fix when the cell is not
 * one of the form's number cells, no longer holds such text, or the reading gives no number.
 */
function numberAsTextFix(context: FixContext): FixedValue | undefined {
  const { finding, current } = context;
  if (typeof current.value !== "string") return undefined;
  const detected = detectedForm(context);
  if (detected === undefined) return undefined;
  const cell = numberCells(detected).find(({ field }) => field.address === finding.cell);
  if (cell === undefined) return undefined;
  const { field, kind, blockUnit } = cell;
  if (readNumberCell(field, kind, blockUnit).status !== "text") return undefined;
  const parsed = readNumber(field);
  if (!parsed.ok) return undefined;
  let value: number | undefined;
  if (kind === "amount") {
    // In the block's unit, as every funds rule reads it: "3.5万" is 3.5 in a 万元 block, 35000 in
    // a 元 block.
    value = readAmount(field, blockUnit)?.value;
  } else if (parsed.unit === "%") {
    // A percent is stored as its fraction and shown through a % format, as Excel stores 99.04%.
    value = Number((parsed.value / 100).toPrecision(15));
  } else {
    value = parsed.value;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const wanted = compactText(field.text);
  const numFmt = formatShowing(wanted, value, parsed.decimals, parsed.unit);
  return { value, shown: formatValue(value, numFmt), numFmt };
}

/**
 * The number format that shows `value` as the text `wanted` (compacted as the rule reads it):
 * decimals, thousands separators and the unit as typed ("#,##0.00", "0.00%", 0"分", 0.0"万"), or
 * General when that format would show something else (a 万 amount in a 元 block is 35000).
 */
function formatShowing(
  wanted: string,
  value: number,
  decimals: number,
  unit: string | undefined,
): string {
  const digits = `${/\d,\d{3}/.test(wanted) ? "#,##0" : "0"}${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}`;
  const suffix = unit === undefined ? "" : unit === "%" ? "%" : `"${unit}"`;
  const numFmt = `${digits}${suffix}`;
  return compactText(formatValue(value, numFmt)) === wanted ? numFmt : "General";
}

/** Long grade words, for a form that prints 优秀 rather than 优. */
const LONG_GRADE: Record<string, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "较差" };
const LONG_GRADE_WORDS = new Set(["优秀", "良好", "中等", "一般", "合格", "较差", "不合格"]);

function gradeFix(
  grade: string | undefined,
  current: GridCell,
): Pick<QuickFix, "value" | "shown"> | undefined {
  if (grade === undefined || !Object.hasOwn(LONG_GRADE, grade)) return undefined;
  const long = LONG_GRADE_WORDS.has(current.text.replace(/\s+/g, ""));
  const written = long ? LONG_GRADE[grade] : grade;
  return { value: written, shown: written };
}

/** The sheet of a workbook grid by name, as quickFixFor takes it. */
export function sheetOf(grid: WorkbookGrid, name: string): SheetGrid | undefined {
  return grid.sheets.find((sheet) => sheet.name === name);
}
