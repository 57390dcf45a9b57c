import type { Rule } from "./types";

/** STUB — the rule owner replaces this check. */
export const requiredField: Rule = {
  meta: {
    id: "required-field",
    severity: "error",
    description: "项目名称、主管部门、全年预算数、全年执行数，以及分值大于 0 的指标的年度指标值、实际完成值、分值、得分不得为空",
  },
  check() {
    // not implemented yet
  },
};
