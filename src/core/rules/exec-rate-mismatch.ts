import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const execRateMismatch: Rule = {
  meta: {
    id: "exec-rate-mismatch",
    severity: "error",
    description: "表中执行率应与 全年执行数 ÷ 全年预算数 一致",
  },
  check() {
    // not implemented yet
  },
};
