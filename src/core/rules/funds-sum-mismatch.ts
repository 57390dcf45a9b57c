import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const fundsSumMismatch: Rule = {
  meta: {
    id: "funds-sum-mismatch",
    severity: "warning",
    description: "年度资金总额应等于当年财政拨款、上年结转资金与其他资金之和",
  },
  check() {
    // not implemented yet
  },
};
