import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const totalMismatch: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: "总分得分应等于各项得分之和",
  },
  check() {
    // not implemented yet
  },
};
