import { formatNumber, formatPercent, readAmount } from "./fields";
import type { Rule } from "./types";

/** A large in-year budget adjustment (seed 000 第一书记: 2.73 → 0.045) deserves a second look. */
export const budgetAdjusted: Rule = {
  meta: {
    id: "budget-adjusted",
    severity: "info",
    description: "全年预算数与年初预算数相差超过评分方案的幅度（默认 10%）",
  },
  check({ form, profile, report }) {
    const total = form.funds?.total;
    const initial = readAmount(total?.initial, form.funds?.unit);
    const budget = readAmount(total?.budget, form.funds?.unit);
    if (total?.budget === undefined || initial === undefined || budget === undefined) return;
    if (!(initial.value > 0)) return;
    const change = budget.value - initial.value;
    if (!(Math.abs(change) > profile.budgetAdjustmentMargin * initial.value)) return;
    const percent = formatPercent(Math.abs(change) / initial.value, 2);
    const margin = formatPercent(profile.budgetAdjustmentMargin, 2);
    report({
      cell: total.budget.address,
      message: `全年预算数 ${formatNumber(budget.value)} 较年初预算数 ${formatNumber(initial.value)} ${change < 0 ? "调减" : "调增"} ${percent}，超过 ${margin}：请确认预算调整已批复，并在说明中注明调整原因`,
      actual: formatNumber(budget.value),
    });
  },
};
