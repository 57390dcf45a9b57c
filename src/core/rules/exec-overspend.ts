import { readAmount, formatNumber } from "./fields";
import type { Rule } from "./types";

/** 全年执行数 above 全年预算数, as printed. */
export const execOverspend: Rule = {
  meta: {
    id: "exec-overspend",
    severity: "warning",
    description: "全年执行数不应超过全年预算数",
  },
  check({ form, report }) {
    const total = form.funds?.total;
    const budget = readAmount(total?.budget, form.funds?.unit);
    const executed = readAmount(total?.executed, form.funds?.unit);
    if (total?.executed === undefined || budget === undefined || executed === undefined) return;
    if (!(executed.value > budget.value)) return;
    report({
      cell: total.executed.address,
      message: `全年执行数 ${formatNumber(executed.value)} 超过全年预算数 ${formatNumber(budget.value)}：请核对执行数；确有超支的，请说明原因及资金来源`,
      expected: `≤ ${formatNumber(budget.value)}`,
      actual: formatNumber(executed.value),
    });
  },
};
