import { grade } from "../../scoring";
import { isBlank } from "../fields";
import { printedGrade } from "../grade-words";
import { sumOf, valueOf } from "./cells";
import type { DepartmentRule } from "./types";

/** A printed 评分等级 must be the grade of the total (printed, else the sum of the scores). */
export const departmentGradeMismatch: DepartmentRule = {
  meta: {
    id: "grade-mismatch",
    severity: "error",
    description:
      "评分等级应与合计得分相符（90 分及以上为优，80–90 分为良，60–80 分为中，60 分以下为差）",
  },
  check({ form, report }) {
    const field = form.grade?.value;
    if (field === undefined || isBlank(field)) return;
    const printed = printedGrade(field.text);
    if (printed === undefined) return;
    const total = valueOf(form.total?.score) ?? sumOf(form.rows.map((row) => row.score));
    if (total === undefined) return;
    const expected = grade(total);
    if (expected === printed) return;
    report({
      cell: field.address,
      message: `合计得分 ${total} 对应的评分等级为“${expected}”，表中为“${field.text.trim()}”：请改为“${expected}”`,
      expected,
      actual: field.text.trim(),
    });
  },
};
