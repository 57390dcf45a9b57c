import { acceptsPrintedScore } from "../scoring";
import { formatRate } from "../scoring";
import { readExecution } from "./execution";
import { formatNumber, printedNumber } from "./fields";
import type { Rule } from "./types";

/** The printed execution 得分 must be what the profile gives for the rate. */
export const execScoreMismatch: Rule = {
  meta: {
    id: "exec-score-mismatch",
    severity: "error",
    description: "预算执行得分应等于分值 × 执行率（超过 100% 按 100% 计），按评分方案取舍",
  },
  check({ form, profile, report }) {
    const scoreField = form.funds?.total?.score;
    const execution = readExecution(form, profile);
    const printed = printedNumber(scoreField);
    if (scoreField === undefined || execution === undefined || printed === undefined) return;
    if (acceptsPrintedScore(execution.scoreRates, execution.weight, printed, profile)) return;
    const expected = formatNumber(execution.score);
    const actual = formatNumber(printed.value);
    const rate = formatRate(Math.min(execution.rate, 1), profile);
    report({
      cell: scoreField.address,
      message: `预算执行得分应为 ${expected}（${formatNumber(execution.weight)} × ${rate}，按“${profile.label}”取舍），表中为 ${actual}：请重新计算得分`,
      expected,
      actual,
    });
  },
};
