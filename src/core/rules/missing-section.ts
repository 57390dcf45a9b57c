import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const missingSection: Rule = {
  meta: {
    id: "missing-section",
    severity: "error",
    description: "检测到的表单缺少“年度资金总额”、绩效指标表头或“总分”行",
  },
  check() {
    // not implemented yet
  },
};
