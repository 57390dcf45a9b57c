import type { PrintedNumber } from "../scoring";
import { computedTotal, readExecution } from "./execution";
import { formatNumber, printedNumber } from "./fields";
import type { Rule } from "./types";

function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * How far an honest printed total may be from the sum of the printed scores: half a unit of the
 * total's own precision, plus half a unit of the coarsest precision among the fractional scores
 * (a displayed 4.8 may hold 4.82). Whole-number scores are typed, not rounded, so they add nothing:
 * otherwise "20" would excuse a 96.61 typed for 96.16.
 */
function tolerance(total: PrintedNumber, parts: readonly PrintedNumber[]): number {
  const fractional = parts.filter((part) => part.decimals > 0 && !Number.isInteger(part.value));
  const coarsest =
    fractional.length === 0 ? undefined : Math.min(...fractional.map((p) => p.decimals));
  return halfUnit(total.decimals) + (coarsest === undefined ? 0 : halfUnit(coarsest)) + 1e-9;
}

/** The printed 总分 得分 must be the execution score plus the indicator scores. */
export const totalMismatch: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: "总分应等于预算执行得分与各指标得分之和",
  },
  check({ form, profile, report }) {
    const scoreField = form.total?.score;
    const printed = printedNumber(scoreField);
    if (scoreField === undefined || printed === undefined) return;
    const computed = computedTotal(form, readExecution(form, profile));
    if (computed === undefined) return;
    if (Math.abs(computed.total - printed.value) <= tolerance(printed, computed.parts)) return;
    const expected = formatNumber(computed.total);
    const actual = formatNumber(printed.value);
    report({
      cell: scoreField.address,
      message: `总分应为 ${expected}（各项得分之和），表中为 ${actual}：请核对总分或各项得分`,
      expected,
      actual,
    });
  },
};
