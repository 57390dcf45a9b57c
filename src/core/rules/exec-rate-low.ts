import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const execRateLow: Rule = {
  meta: {
    id: "exec-rate-low",
    severity: "warning",
    description: "执行率低于评分规则的门槛（默认 90%），需要说明原因",
  },
  check() {
    // not implemented yet
  },
};
