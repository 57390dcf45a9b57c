import { sumScores } from "../scoring";
import { formatNumber, isEmptyNumber, isInvalidNumber, printedNumber } from "./fields";
import type { Rule } from "./types";

/** 分值 of the execution line and of every indicator must add up to the 总分 分值 (100). */
export const weightSum: Rule = {
  meta: {
    id: "weight-sum",
    severity: "error",
    description: "预算执行与各项指标的分值之和应等于总分分值（100）",
  },
  check({ form, profile, report }) {
    const total = form.total;
    const rows = form.indicators?.rows;
    if (total === undefined || rows === undefined) return;
    const fundsWeightField = form.funds?.total?.weight;
    const fields = [fundsWeightField, total.weight, ...rows.map((row) => row.weight)];
    // A weight that is not a number makes the sum unknowable; invalid-number reports it.
    if (fields.some((field) => isInvalidNumber(field))) return;
    // A blank template (no indicator weight filled in yet) is not wrong, only unfinished:
    // required-field asks for each blank, and "分值合计 10 … 应为 100" would only repeat it.
    if (rows.every((row) => isEmptyNumber(row.weight))) return;

    // A form without a 分值 cell for the execution line still gives it the profile's weight.
    const fundsWeight = printedNumber(fundsWeightField)?.value ?? profile.fundsWeight;
    // 不涉及 rows count only when someone filled a weight in.
    const indicatorWeights = rows.flatMap((row) => {
      const weight = printedNumber(row.weight);
      return weight === undefined ? [] : [weight.value];
    });
    const indicatorSum = sumScores(indicatorWeights);
    const sum = sumScores([fundsWeight, indicatorSum]);
    // The target is the profile's 100, not the printed 总分 分值: a template (or a clerk) may
    // compute that cell as the sum itself, and then it would agree with any wrong weights.
    const expected = profile.totalWeight;
    const printedTotal = printedNumber(total.weight)?.value;
    const cell = total.weight?.address ?? total.label.address;
    if (Math.abs(sum - expected) > 1e-9) {
      report({
        cell,
        message: `分值合计 ${formatNumber(sum)}（预算执行 ${formatNumber(fundsWeight)} + 各指标 ${formatNumber(indicatorSum)}），应为 ${formatNumber(expected)}：请检查各指标分值`,
        expected: formatNumber(expected),
        actual: formatNumber(sum),
      });
    } else if (printedTotal !== undefined && Math.abs(printedTotal - expected) > 1e-9) {
      report({
        cell,
        message: `总分的分值写为 ${formatNumber(printedTotal)}，各项分值合计为 ${formatNumber(expected)}：请改为 ${formatNumber(expected)}`,
        expected: formatNumber(expected),
        actual: formatNumber(printedTotal),
      });
    }
  },
};
