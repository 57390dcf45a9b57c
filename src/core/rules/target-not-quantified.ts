import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const targetNotQuantified: Rule = {
  meta: {
    id: "target-not-quantified",
    severity: "info",
    description: "年度指标值没有数字、时间或可识别的定性标准",
  },
  check() {
    // not implemented yet
  },
};
