import type { DepartmentForm } from "../../forms/department";
import type { Profile } from "../../profiles/schema";
import type { RuleMeta, RuleReport } from "../types";

/**
 * A check of the department 评分表 (domain.md §6). It reports under the id of the project-form rule
 * with the same meaning (product.md §2), so a reviewer filters and reads both kinds alike.
 */
export interface DepartmentRule {
  meta: RuleMeta;
  check(context: {
    form: DepartmentForm;
    profile: Profile;
    report(finding: RuleReport): void;
  }): void;
}
