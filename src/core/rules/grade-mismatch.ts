import { grade } from "../scoring";
import { computedTotal, readExecution } from "./execution";
import { formatNumber, isBlank, printedNumber } from "./fields";
import { printedGrade as gradeNamed } from "./grade-words";
import type { Rule } from "./types";

/** A printed 评分等级 must be the grade of the total (≥90 优, 80–<90 良, 60–<80 中, <60 差). */
export const gradeMismatch: Rule = {
  meta: {
    id: "grade-mismatch",
    severity: "error",
    description:
      "评分等级应与总分相符（90 分及以上为优，80–90 分为良，60–80 分为中，60 分以下为差）",
  },
  check({ form, profile, report }) {
    const field = form.grade?.value;
    if (field === undefined || isBlank(field)) return;
    const printedGrade = gradeNamed(field.text);
    // A grade word this rule does not know is left to the reviewer rather than guessed.
    if (printedGrade === undefined) return;
    const total =
      printedNumber(form.total?.score)?.value ??
      computedTotal(form, readExecution(form, profile))?.total;
    if (total === undefined) return;
    const expected = grade(total);
    if (expected === printedGrade) return;
    report({
      cell: field.address,
      message: `评分等级应为“${expected}”（总分 ${formatNumber(total)}），表中为“${field.text.trim()}”：90 分及以上为优，80–90 分为良，60–80 分为中，60 分以下为差`,
      expected,
      actual: field.text.trim(),
    });
  },
};
