import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const weightSum: Rule = {
  meta: {
    id: "weight-sum",
    severity: "error",
    description: "预算执行与各项指标的分值之和应等于总分分值（100）",
  },
  check() {
    // not implemented yet
  },
};
