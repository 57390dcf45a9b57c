import { formatNumber } from "../fields";
import { nameOf, valueOf } from "./cells";
import type { DepartmentRule } from "./types";

/** 自评得分 within 0 … 参考分值 of its indicator. */
export const departmentScoreOutOfRange: DepartmentRule = {
  meta: {
    id: "score-out-of-range",
    severity: "error",
    description: "自评得分应在 0 到该指标参考分值之间",
  },
  check({ form, report }) {
    for (const row of form.rows) {
      const score = valueOf(row.score);
      if (score === undefined) continue;
      const weight = valueOf(row.weight);
      if (score < 0) {
        report({
          cell: row.score.address,
          message: `指标“${nameOf(row.name)}”的自评得分 ${formatNumber(score)} 小于 0：请改为 0 到参考分值之间的得分`,
          actual: formatNumber(score),
        });
      } else if (weight !== undefined && score > weight + 1e-9) {
        report({
          cell: row.score.address,
          message: `指标“${nameOf(row.name)}”的自评得分 ${formatNumber(score)} 超过参考分值 ${formatNumber(weight)}：请改为不超过参考分值的得分`,
          expected: `0–${formatNumber(weight)}`,
          actual: formatNumber(score),
        });
      }
    }
  },
};
