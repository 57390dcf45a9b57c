import type { Field } from "../forms/model";
import { isEmptyIndicatorRow, rowNeedsValues } from "./execution";
import { excerpt, isBlank, isEmptyNumber, isNotApplicableRow } from "./fields";
import type { Rule, RuleReport } from "./types";

/** Values every form must carry; an empty one is reported on the empty cell itself. */
export const requiredField: Rule = {
  meta: {
    id: "required-field",
    severity: "error",
    description:
      "项目名称、主管部门、全年预算数、全年执行数及各指标的指标值、完成值、分值、得分不能为空",
  },
  check({ form, report }) {
    const missing = (field: Field | undefined, fallback: string, what: string, empty: boolean) => {
      if (!empty) return;
      const finding: RuleReport = {
        cell: field?.address ?? fallback,
        message: `${what}未填写：请填写${what}`,
      };
      report(finding);
    };
    const titleCell = form.title.address;
    missing(form.projectName, titleCell, "项目名称", isBlank(form.projectName));
    missing(form.department, titleCell, "主管部门", isBlank(form.department));

    const total = form.funds?.total;
    if (total !== undefined) {
      const labelCell = total.label.address;
      missing(total.budget, labelCell, "年度资金总额的全年预算数", isEmptyNumber(total.budget));
      missing(total.executed, labelCell, "年度资金总额的全年执行数", isEmptyNumber(total.executed));
      // The 得分 is required only where the form has (or implies) a cell for it.
      if (total.score !== undefined && isEmptyNumber(total.score)) {
        report({
          cell: total.score.address,
          message: "预算执行得分未填写：请填写得分（分值 × 执行率，执行率超过 100% 按 100% 计）",
        });
      }
    }

    for (const row of form.indicators?.rows ?? []) {
      if (isNotApplicableRow(row) || isEmptyIndicatorRow(row)) continue;
      const name = excerpt(row.name.text.trim()) || `第 ${row.row} 行指标`;
      if (isEmptyNumber(row.weight)) {
        report({ cell: row.weight.address, message: `指标“${name}”的分值未填写：请填写分值` });
      }
      if (!rowNeedsValues(row)) continue;
      if (isBlank(row.target)) {
        report({
          cell: row.target.address,
          message: `指标“${name}”的年度指标值未填写：请填写可衡量的年度指标值`,
        });
      }
      if (isBlank(row.actual)) {
        report({
          cell: row.actual.address,
          message: `指标“${name}”的实际完成值未填写：请填写实际完成值`,
        });
      }
      if (isEmptyNumber(row.score)) {
        report({ cell: row.score.address, message: `指标“${name}”的得分未填写：请填写得分` });
      }
    }

    if (form.total?.score !== undefined && isEmptyNumber(form.total.score)) {
      report({
        cell: form.total.score.address,
        message: "总分的得分未填写：请填写总得分（预算执行得分与各指标得分之和）",
      });
    }
  },
};
