import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const overachievementUnexplained: Rule = {
  meta: {
    id: "overachievement-unexplained",
    severity: "warning",
    description: "实际完成值远超“不少于”类数量或金额指标（或远低于“不超过”类成本指标）时，应说明原因",
  },
  check() {
    // not implemented yet
  },
};
