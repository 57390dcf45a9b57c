import { isBlank } from "../fields";
import { nameOf } from "./cells";
import type { DepartmentRule } from "./types";

/**
 * 部门名称 and every 自评得分 must be filled. A table whose 自评得分 are all still empty (a fresh
 * template) gets one finding on the first of them rather than one per indicator.
 */
export const departmentRequiredField: DepartmentRule = {
  meta: {
    id: "required-field",
    severity: "error",
    description: "部门名称和各三级指标的自评得分不能为空",
  },
  check({ form, report }) {
    if (isBlank(form.unitName)) {
      report({
        cell: form.unitName?.address ?? form.title.address,
        message: "部门（单位）名称未填写：请填写部门（单位）名称",
      });
    }
    const blank = form.rows.filter((row) => isBlank(row.score));
    if (blank.length === 0) return;
    if (blank.length === form.rows.length) {
      report({
        cell: blank[0].score.address,
        message: `自评得分均未填写：请按参考评分标准逐项填写 ${form.rows.length} 个三级指标的自评得分`,
      });
      return;
    }
    for (const row of blank) {
      report({
        cell: row.score.address,
        message: `指标“${nameOf(row.name)}”的自评得分未填写：请按参考评分标准填写自评得分`,
      });
    }
    if (form.total?.score !== undefined && isBlank(form.total.score)) {
      report({
        cell: form.total.score.address,
        message: "合计的自评得分未填写：请填写各项自评得分之和",
      });
    }
  },
};
