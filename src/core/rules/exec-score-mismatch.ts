import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const execScoreMismatch: Rule = {
  meta: {
    id: "exec-score-mismatch",
    severity: "error",
    description: "预算执行得分应与评分规则按执行率计算的结果一致",
  },
  check() {
    // not implemented yet
  },
};
