import { findStandards } from "../values";
import { isBlank, isCostRow, isNotApplicableRow, quotedText, readValue, shownText } from "./fields";
import type { Rule } from "./types";

export const targetNotQuantified: Rule = {
  meta: {
    id: "target-not-quantified",
    severity: "info",
    description: "年度指标值没有数字、时间或可识别的定性标准",
  },
  check({ form, report }) {
    for (const row of form.indicators?.rows ?? []) {
      // Empty targets are required-field's; placeholders need no standard.
      if (isBlank(row.target) || isNotApplicableRow(row)) continue;
      const target = readValue(row.target);
      if (target.kind !== "met" && target.kind !== "invalid") continue;
      // A standard written inside a sentence ("全部工作11月底前完成", "群众满意率达到95%") is
      // measurable: noting it was wrong on every published Beijing form that wrote one (issue 9).
      if (findStandards(row.target.text).length > 0) continue;
      const text = shownText(row.target);
      const quoted = quotedText(row.target);
      // A cost target is quantified as a ceiling in money; other rows by count, time or rate.
      const examples = isCostRow(row)
        ? "如“≤30万元”“≤4200元/人”"
        : "如“≥500条”“12月底前”“合格率≥95%”";
      if (target.kind === "met") {
        report({
          cell: row.target.address,
          message:
            `年度指标值“${quoted}”是对完成情况的表述，不是可考核的标准；` +
            `请写明具体的数量、金额、完成时限或质量要求，${examples}`,
          actual: text,
        });
      } else if (target.kind === "invalid") {
        report({
          cell: row.target.address,
          message:
            `年度指标值“${quoted}”没有可衡量的数量、时间或质量标准；` +
            `请改为可考核的指标值，${examples}`,
          actual: text,
        });
      }
    }
  },
};
