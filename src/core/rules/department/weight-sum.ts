import type { Field } from "../../forms/model";
import { formatNumber } from "../fields";
import { nameOf, sumOf, valueOf } from "./cells";
import type { DepartmentRule } from "./types";

const EPSILON = 1e-6;

/**
 * 参考分值 add up level by level: each 一级 = Σ its 二级, each 二级 = Σ its 三级, Σ 一级 = Σ 三级 = the
 * total (100). Silent while the weights involved are not all numbers (invalid-number's case).
 */
export const departmentWeightSum: DepartmentRule = {
  meta: {
    id: "weight-sum",
    severity: "error",
    description: "各级指标的参考分值应逐级相加相符，合计为 100 分",
  },
  check({ form, report }) {
    let reported = 0;
    const check = (target: Field, parts: readonly Field[], what: string) => {
      const expected = sumOf(parts);
      const actual = valueOf(target);
      if (expected === undefined || actual === undefined || parts.length === 0) return;
      if (Math.abs(expected - actual) <= EPSILON) return;
      reported++;
      report({
        cell: target.address,
        message: `${what}为 ${formatNumber(actual)}，但其下各项参考分值之和为 ${formatNumber(expected)}：请核对参考分值`,
        expected: formatNumber(expected),
        actual: formatNumber(actual),
      });
    };
    for (const group of form.level1) {
      const children = form.level2.filter((l2) =>
        l2.rows.some((i) => form.rows[i].level1 === form.level1.indexOf(group)),
      );
      // A 二级 merged with its 一级's 参考分值 cell is the same cell: nothing to add up.
      const parts = children.map((c) => c.weight).filter((f) => f.address !== group.weight.address);
      if (parts.length === children.length) {
        check(group.weight, parts, `一级指标“${nameOf(group.name)}”的参考分值`);
      }
    }
    for (const group of form.level2) {
      const parts = group.rows.map((i) => form.rows[i].weight);
      if (parts.some((f) => f.address === group.weight.address)) continue;
      check(group.weight, parts, `二级指标“${nameOf(group.name)}”的参考分值`);
    }
    const total = form.total?.weight;
    if (total === undefined) return;
    const totalWeight = valueOf(total);
    if (totalWeight === undefined) return;
    // One finding on the total at most: the first sum that disagrees says what to fix.
    const before = reported;
    const level1Weights = form.level1.map((g) => g.weight);
    if (level1Weights.length > 0) check(total, level1Weights, "合计的参考分值（各一级指标之和）");
    if (reported === before) {
      check(
        total,
        form.rows.map((row) => row.weight),
        "合计的参考分值（各三级指标之和）",
      );
    }
    if (reported === before && Math.abs(totalWeight - 100) > EPSILON) {
      report({
        cell: total.address,
        message: `参考分值合计为 ${formatNumber(totalWeight)}，应为 100：请核对各级指标的参考分值`,
        expected: "100",
        actual: formatNumber(totalWeight),
      });
    }
  },
};
