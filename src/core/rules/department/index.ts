import type { DepartmentForm } from "../../forms/department";
import type { Finding } from "../../findings";
import type { Profile } from "../../profiles/schema";
import { reportInto } from "../report-into";
import { departmentGradeMismatch } from "./grade-mismatch";
import { departmentInvalidNumber, departmentNumberAsText } from "./number-cells";
import { departmentRequiredField } from "./required-field";
import { departmentScoreInconsistent } from "./score-inconsistent";
import { departmentScoreOutOfRange } from "./score-out-of-range";
import { departmentTotalMismatch } from "./total-mismatch";
import type { DepartmentRule } from "./types";
import { departmentWeightSum } from "./weight-sum";

export type { DepartmentRule } from "./types";

/** The checks of the department 评分表, in the order of product.md §2. */
export const departmentRules: readonly DepartmentRule[] = [
  departmentRequiredField,
  departmentInvalidNumber,
  departmentNumberAsText,
  departmentWeightSum,
  departmentTotalMismatch,
  departmentScoreOutOfRange,
  departmentScoreInconsistent,
  departmentGradeMismatch,
];

/**
 * Runs each check on its own, as the project rules are: a check failing on an odd table costs
 * only itself, and the reviewer is told which one could not run.
 */
export function runDepartmentRules(
  form: DepartmentForm,
  profile: Profile,
  selected: readonly DepartmentRule[] = departmentRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of selected) {
    const report = reportInto(findings, rule.meta, form.sheet);
    try {
      rule.check({ form, profile, report });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      findings.push({
        rule: rule.meta.id,
        severity: "warning",
        sheet: form.sheet,
        cell: form.title.address,
        message: `“${rule.meta.description}”这项检查未能完成（${detail}）：请人工核对本表`,
      });
    }
  }
  return findings;
}
