import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const level1Weights: Rule = {
  meta: {
    id: "level1-weights",
    severity: "info",
    description: "产出、效益、满意度指标的分值与评分规则的建议分配（50 / 30 / 10）不同",
  },
  check() {
    // not implemented yet
  },
};
