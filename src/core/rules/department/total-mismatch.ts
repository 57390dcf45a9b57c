import { formatNumber, isBlank } from "../fields";
import { halfUnit, nameOf, sumOf, valueOf } from "./cells";
import type { DepartmentRule } from "./types";

/** A printed 合计 (and each 小计) 自评得分 must be the sum of the 自评得分 above it. */
export const departmentTotalMismatch: DepartmentRule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: "合计（小计）的自评得分应等于各三级指标自评得分之和",
  },
  check({ form, report }) {
    const compare = (field: { address: string; text: string }, rows: number[], what: string) => {
      if (isBlank(field)) return;
      const printed = valueOf(field);
      const sum = sumOf(rows.map((i) => form.rows[i].score));
      if (printed === undefined || sum === undefined) return;
      if (Math.abs(printed - sum) <= halfUnit(field) + 1e-9) return;
      report({
        cell: field.address,
        message: `${what}为 ${formatNumber(printed)}，但各项自评得分之和为 ${formatNumber(sum)}：请核对合计或各项得分`,
        expected: formatNumber(sum),
        actual: formatNumber(printed),
      });
    };
    for (const subtotal of form.subtotals) {
      const group = form.level1[subtotal.level1];
      if (subtotal.score && group) {
        compare(subtotal.score, group.rows, `${nameOf(subtotal.label)}的自评得分`);
      }
    }
    if (form.total?.score) {
      compare(
        form.total.score,
        form.rows.map((_, i) => i),
        "合计的自评得分",
      );
    }
  },
};
