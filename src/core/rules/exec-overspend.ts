import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const execOverspend: Rule = {
  meta: {
    id: "exec-overspend",
    severity: "warning",
    description: "全年执行数超过全年预算数",
  },
  check() {
    // not implemented yet
  },
};
