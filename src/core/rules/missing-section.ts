import type { Rule } from "./types";

/** A form was recognised by its title, but a section the checks depend on was not found. */
export const missingSection: Rule = {
  meta: {
    id: "missing-section",
    severity: "error",
    description: "检测到的表单缺少“年度资金总额”、绩效指标表头或“总分”行",
  },
  check({ form, report }) {
    const cell = form.title.address;
    if (form.funds?.total === undefined) {
      report({
        cell,
        message:
          "未找到“年度资金总额”行：请在项目资金（万元）表中填写年度资金总额的年初预算数、全年预算数、全年执行数",
        expected: "年度资金总额",
      });
    }
    if (form.indicators === undefined) {
      report({
        cell,
        message:
          "未找到绩效指标表头（一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分）：请按模板补齐绩效指标表",
        expected: "绩效指标表头",
      });
    }
    if (form.total === undefined) {
      report({
        cell,
        message: "未找到“总分”行：请在绩效指标表下方添加总分行（分值 100 及总得分）",
        expected: "总分",
      });
    }
  },
};
