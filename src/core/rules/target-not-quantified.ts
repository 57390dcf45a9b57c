import { isBlank, isNotApplicableRow, readValue, shownText } from "./fields";
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
      const text = shownText(row.target);
      if (target.kind === "met") {
        report({
          cell: row.target.address,
          message:
            `年度指标值“${text}”是对完成情况的表述，不是可考核的标准；` +
            `请写明具体的数量、完成时限或质量要求，如“≥500条”“12月底前”“合格率≥95%”`,
          actual: text,
        });
      } else if (target.kind === "invalid") {
        report({
          cell: row.target.address,
          message:
            `年度指标值“${text}”没有可衡量的数量、时间或质量标准；` +
            `请改为可考核的指标值，如“≥500条”“12月底前”“≥90%”“得到提高”`,
          actual: text,
        });
      }
    }
  },
};
