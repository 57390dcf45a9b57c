import { isNotApplicableRow, printedNumber, quotedText, shownText } from "./fields";
import { describeMiss, quantitativeScore, readRow } from "./indicator-outcome";
import type { Rule } from "./types";

const EPSILON = 1e-9;

/**
 * Half a unit of the printed precision: 4.8 stands for 4.75–4.85. PERF.SCORE itself is rounded to
 * 2 decimals, so a score printed with more decimals is compared at 2.
 */
function tolerance(decimals: number): number {
  return 0.5 * 10 ** -Math.min(decimals, 2) + EPSILON;
}

export const scoreInconsistent: Rule = {
  meta: {
    id: "score-inconsistent",
    severity: "warning",
    description: "定量指标的得分与按完成值计算的得分不一致（已完成却扣分，或未完成却满分）",
  },
  check({ form, report }) {
    for (const row of form.indicators?.rows ?? []) {
      if (isNotApplicableRow(row)) continue;
      const reading = readRow(row);
      const { weight, score } = reading;
      // Out-of-range scores are score-out-of-range's error; a second finding would only repeat it.
      if (weight === undefined || score === undefined || weight <= 0) continue;
      if (score < 0 || score > weight + EPSILON) continue;
      const printed = printedNumber(row.score);
      if (printed === undefined) continue;
      const computed = quantitativeScore(reading);
      if (computed === undefined) continue;
      // Quoted in messages (cut to QUOTE_LIMIT); expected / actual carry the whole text.
      const actualText = quotedText(row.actual);
      const targetText = quotedText(row.target);
      const weightText = quotedText(row.weight);
      const scoreText = quotedText(row.score);
      const full = score >= weight - EPSILON;
      if (computed.met) {
        if (full) continue;
        report({
          cell: row.score.address,
          message:
            `实际完成值 ${actualText} 已达到指标值 ${targetText}，按 PERF.SCORE 应得满分 ${weightText}，` +
            `但得分为 ${scoreText}；请核对得分，确需扣分的请在“偏差原因分析及改进措施”中说明依据`,
          expected: shownText(row.weight),
          actual: shownText(row.score),
        });
        continue;
      }
      const expected = String(computed.score);
      if (full) {
        report({
          cell: row.score.address,
          message:
            // "超出" for an at-most target, "不等于" for an equal one: the miss said as it happened.
            `${describeMiss(row, reading) ?? `实际完成值 ${actualText} 未达到指标值 ${targetText}`}，` +
            `按 PERF.SCORE 应得 ${expected} 分` +
            `（分值 ${weightText}），但得分为满分 ${scoreText}；请按完成比例更正得分`,
          expected,
          actual: shownText(row.score),
        });
        continue;
      }
      if (Math.abs(printed.value - computed.score) <= tolerance(printed.decimals)) continue;
      report({
        cell: row.score.address,
        message:
          `得分 ${scoreText} 与按完成比例计算的 ${expected} 分不符（分值 ${weightText}，` +
          `指标值 ${targetText}，实际完成值 ${actualText}）；请核对得分`,
        expected,
        actual: scoreText,
      });
    }
  },
};
