import { isNotApplicableText, numberOf, quotedText, shownText } from "./fields";
import type { Rule } from "./types";

export const notApplicableScored: Rule = {
  meta: {
    id: "not-applicable-scored",
    severity: "warning",
    description: "“不涉及”的指标行不应有分值或得分",
  },
  check({ form, report }) {
    for (const row of form.indicators?.rows ?? []) {
      const which = isNotApplicableText(row.name.text)
        ? `三级指标为“${quotedText(row.name)}”`
        : isNotApplicableText(row.target.text)
          ? `年度指标值为“${quotedText(row.target)}”`
          : undefined;
      if (which === undefined) continue;
      const weight = numberOf(row.weight);
      const score = numberOf(row.score);
      if (weight !== undefined && weight > 0) {
        report({
          cell: row.weight.address,
          message:
            `${which}的占位行有分值 ${quotedText(row.weight)}；不涉及的指标不应分配分值，` +
            `请清空分值和得分，并把分值分配给实际考核的指标（或填写该指标的实际内容）`,
          expected: "0",
          actual: shownText(row.weight),
        });
      } else if (score !== undefined && score > 0) {
        report({
          cell: row.score.address,
          message: `${which}的占位行有得分 ${quotedText(row.score)}；不涉及的指标不应计分，请清空得分`,
          expected: "0",
          actual: shownText(row.score),
        });
      }
    }
  },
};
