import { qualitativeBand } from "../scoring";
import type { Achievement } from "./fields";
import {
  formatNumber,
  formatPercent,
  isNotApplicableRow,
  numberOf,
  quotedText,
  shownText,
  statedAchievement,
} from "./fields";
import type { Rule } from "./types";

const ACHIEVEMENT_LABEL: Record<Achievement, string> = {
  met: "达成",
  partial: "部分达成",
  missed: "未达成",
};

// A score typed as 4.8 against a computed 0.8 × 6 = 4.800000000000001 must not fall outside.
const EPSILON = 1e-9;

export const scoreOutOfRange: Rule = {
  meta: {
    id: "score-out-of-range",
    severity: "error",
    description: "得分应在 0 与分值之间；定性指标的得分应在所述完成程度的分档之内",
  },
  check({ form, profile, report }) {
    for (const row of form.indicators?.rows ?? []) {
      const weight = numberOf(row.weight);
      const score = numberOf(row.score);
      if (weight === undefined || score === undefined) continue;
      // Quoted in messages (cut to QUOTE_LIMIT); expected / actual carry the whole text.
      const scoreText = quotedText(row.score);
      const weightText = quotedText(row.weight);
      const fullScore = shownText(row.score);
      const fullWeight = shownText(row.weight);
      if (score < 0) {
        report({
          cell: row.score.address,
          message: `得分 ${scoreText} 小于 0；指标得分应在 0 至分值 ${weightText} 之间，请更正`,
          expected: `0–${fullWeight}`,
          actual: fullScore,
        });
        continue;
      }
      if (score > weight + EPSILON) {
        report({
          cell: row.score.address,
          message: `得分 ${scoreText} 超过分值 ${weightText}；指标得分不能高于其分值，请更正得分或分值`,
          expected: `0–${fullWeight}`,
          actual: fullScore,
        });
        continue;
      }
      // Placeholder rows are not-applicable-scored's business.
      if (isNotApplicableRow(row) || weight <= 0) continue;
      const achievement = statedAchievement(row.actual);
      if (achievement === undefined) continue;
      const band = qualitativeBand(achievement, weight, profile);
      const belowMin = band.minInclusive ? score < band.min - EPSILON : score <= band.min + EPSILON;
      const aboveMax = band.maxInclusive ? score > band.max + EPSILON : score >= band.max - EPSILON;
      if (!belowMin && !aboveMax) continue;
      const label = ACHIEVEMENT_LABEL[achievement];
      const range =
        `${band.minInclusive ? "[" : "("}${formatNumber(band.min, 4)}, ` +
        `${formatNumber(band.max, 4)}${band.maxInclusive ? "]" : ")"}`;
      const fractions = profile.qualitativeBands;
      const bandWords =
        achievement === "met"
          ? `分值的 ${formatPercent(fractions.met, 2)}–100%`
          : achievement === "partial"
            ? `分值的 ${formatPercent(fractions.partial, 2)}–${formatPercent(fractions.met, 2)}（不含）`
            : `低于分值的 ${formatPercent(fractions.partial, 2)}`;
      report({
        cell: row.score.address,
        message:
          `实际完成值“${quotedText(row.actual)}”表明指标${label}，按评分规则得分应为${bandWords}` +
          `（分值 ${weightText} → ${range}），但得分为 ${scoreText}；请按完成程度更正得分，` +
          `或更正实际完成值的表述`,
        expected: range,
        actual: fullScore,
      });
    }
  },
};
