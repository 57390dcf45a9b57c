import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const notApplicableScored: Rule = {
  meta: {
    id: "not-applicable-scored",
    severity: "warning",
    description: "“不涉及”的指标行不应有分值或得分",
  },
  check() {
    // not implemented yet
  },
};
