import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const budgetAdjusted: Rule = {
  meta: {
    id: "budget-adjusted",
    severity: "info",
    description: "全年预算数与年初预算数相差超过 10%",
  },
  check() {
    // not implemented yet
  },
};
