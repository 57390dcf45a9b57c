import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const gradeMismatch: Rule = {
  meta: {
    id: "grade-mismatch",
    severity: "error",
    description: "评分等级应与总分对应（≥90 优，80–90 良，60–80 中，<60 差）",
  },
  check() {
    // not implemented yet
  },
};
