import { toCommonUnit } from "../values";
import type { ParsedValue } from "../values/types";
import {
  formatPercent,
  isCostRow,
  isNotApplicableRow,
  quotedText,
  readValue,
  shownText,
} from "./fields";
import { explanationGap, gapClause } from "./explanation";
import type { Rule } from "./types";

const COLUMN = "“偏差原因分析及改进措施”";

/** "at least" or "at most" for a numeric target; undefined for "=" and non-numeric targets. */
function directionOf(target: ParsedValue, cost: boolean): "atLeast" | "atMost" | undefined {
  if (target.kind === "number") return cost ? "atMost" : "atLeast";
  if (target.kind !== "comparison") return undefined;
  if (target.op === ">=" || target.op === ">") return "atLeast";
  if (target.op === "<=" || target.op === "<") return "atMost";
  return undefined;
}

export const overachievementUnexplained: Rule = {
  meta: {
    id: "overachievement-unexplained",
    severity: "warning",
    description:
      "实际完成值远超“不少于”类数量或金额指标（或远低于“不超过”类成本指标）时，应说明原因",
  },
  check({ form, profile, report }) {
    const margin = profile.overachievementMargin;
    for (const row of form.indicators?.rows ?? []) {
      const gap = explanationGap(row.explanation, row);
      if (gap === undefined || isNotApplicableRow(row)) continue;
      const target = readValue(row.target);
      const actual = readValue(row.actual);
      if (actual.kind !== "number" || (target.kind !== "number" && target.kind !== "comparison")) {
        continue;
      }
      // Percentages have a ceiling (满意度 ≥85% → 100% is not "far beyond").
      if (target.unit === "%" || actual.unit === "%") continue;
      const cost = isCostRow(row);
      const direction = directionOf(target, cost);
      if (direction === undefined) continue;
      // Far below an "at most" target is only a question for costs (≤5 错字 → 0 is simply good).
      if (direction === "atMost" && !cost) continue;
      const common = toCommonUnit(
        { value: target.value, unit: target.unit },
        { value: actual.value, unit: actual.unit },
      );
      if (common === undefined || common.a <= 0 || common.b < 0) continue;
      const ratio = common.b / common.a;
      const targetText = shownText(row.target);
      const actualText = shownText(row.actual);
      const quotedTarget = quotedText(row.target);
      const quotedActual = quotedText(row.actual);
      if (direction === "atLeast" && ratio > 1 + margin) {
        report({
          cell: row.explanation.address,
          message:
            `实际完成值 ${quotedActual} 超出指标值 ${quotedTarget} 达 ${formatPercent(ratio - 1, 1)}` +
            `（超过 ${formatPercent(margin, 1)}）${gapClause(gap)}，请在${COLUMN}中说明原因（如指标值设定偏低）`,
          expected: targetText,
          actual: actualText,
        });
      } else if (direction === "atMost" && ratio < 1 - margin) {
        report({
          cell: row.explanation.address,
          message:
            `实际完成值 ${quotedActual} 仅为成本指标值 ${quotedTarget} 的 ${formatPercent(ratio, 1)}` +
            `（低于指标值超过 ${formatPercent(margin, 1)}）${gapClause(gap)}，请在${COLUMN}中说明原因（如预算编制偏高）`,
          expected: targetText,
          actual: actualText,
        });
      }
    }
  },
};
