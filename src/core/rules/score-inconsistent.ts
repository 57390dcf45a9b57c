import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const scoreInconsistent: Rule = {
  meta: {
    id: "score-inconsistent",
    severity: "warning",
    description: "定量指标的得分与按完成值计算的得分不一致（已完成却扣分，或未完成却满分）",
  },
  check() {
    // not implemented yet
  },
};
