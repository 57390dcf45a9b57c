import { explanationGap, gapClause } from "./explanation";
import { isNotApplicableRow, quotedText, shownText } from "./fields";
import { describeMiss, readRow } from "./indicator-outcome";
import type { Rule } from "./types";

const EPSILON = 1e-9;
const COLUMN = "“偏差原因分析及改进措施”";

export const deviationUnexplained: Rule = {
  meta: {
    id: "deviation-unexplained",
    severity: "error",
    description: "得分低于分值或实际完成值未达到指标值时，应填写偏差原因分析及改进措施",
  },
  check({ form, report }) {
    for (const row of form.indicators?.rows ?? []) {
      const gap = explanationGap(row.explanation, row);
      if (gap === undefined || isNotApplicableRow(row)) continue;
      const reading = readRow(row);
      const { weight, score } = reading;
      const reasons: string[] = [];
      if (weight !== undefined && score !== undefined && weight > 0 && score < weight - EPSILON) {
        reasons.push(`得分 ${quotedText(row.score)} 低于分值 ${quotedText(row.weight)}`);
      }
      const miss = describeMiss(row, reading);
      if (miss !== undefined) reasons.push(miss);
      if (reasons.length === 0) continue;
      report({
        cell: row.explanation.address,
        message: `${reasons.join("，")}${gapClause(gap)}，请在${COLUMN}中说明原因和改进措施`,
        ...(miss !== undefined
          ? { expected: shownText(row.target), actual: shownText(row.actual) }
          : {}),
      });
    }
  },
};
