import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const execCapExceeded: Rule = {
  meta: {
    id: "exec-cap-exceeded",
    severity: "error",
    description: "评分规则按执行率限制总分上限时，总分超过上限",
  },
  check() {
    // not implemented yet
  },
};
