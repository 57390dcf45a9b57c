import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const deviationUnexplained: Rule = {
  meta: {
    id: "deviation-unexplained",
    severity: "error",
    description: "得分低于分值或实际完成值未达到指标值时，应填写偏差原因分析及改进措施",
  },
  check() {
    // not implemented yet
  },
};
