import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const scoreOutOfRange: Rule = {
  meta: {
    id: "score-out-of-range",
    severity: "error",
    description: "得分应在 0 与分值之间；定性指标的得分应在所述完成程度的分档之内",
  },
  check() {
    // not implemented yet
  },
};
