import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const invalidNumber: Rule = {
  meta: {
    id: "invalid-number",
    severity: "error",
    description: "应填数字的单元格中出现无法识别为数字的文字",
  },
  check() {
    // not implemented yet
  },
};
