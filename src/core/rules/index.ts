import type { Finding } from "../findings";
import type { Form } from "../forms/model";
import type { Profile } from "../profiles/schema";
import type { Rule } from "./types";
import { reportInto } from "./report-into";
import { missingSection } from "./missing-section";
import { requiredField } from "./required-field";
import { invalidNumber } from "./invalid-number";
import { numberAsText } from "./number-as-text";
import { fundsSumMismatch } from "./funds-sum-mismatch";
import { execRateMismatch } from "./exec-rate-mismatch";
import { execScoreMismatch } from "./exec-score-mismatch";
import { execOverspend } from "./exec-overspend";
import { execRateLow } from "./exec-rate-low";
import { execCapExceeded } from "./exec-cap-exceeded";
import { budgetAdjusted } from "./budget-adjusted";
import { weightSum } from "./weight-sum";
import { totalMismatch } from "./total-mismatch";
import { scoreOutOfRange } from "./score-out-of-range";
import { scoreInconsistent } from "./score-inconsistent";
import { deviationUnexplained } from "./deviation-unexplained";
import { overachievementUnexplained } from "./overachievement-unexplained";
import { notApplicableScored } from "./not-applicable-scored";
import { level1Weights } from "./level1-weights";
import { targetNotQuantified } from "./target-not-quantified";
import { gradeMismatch } from "./grade-mismatch";

export type { Rule, RuleMeta, RuleContext, RuleReport } from "./types";

/** Every rule, in the order of product.md §2. */
export const rules: readonly Rule[] = [
  missingSection,
  requiredField,
  invalidNumber,
  numberAsText,
  fundsSumMismatch,
  execRateMismatch,
  execScoreMismatch,
  execOverspend,
  execRateLow,
  execCapExceeded,
  budgetAdjusted,
  weightSum,
  totalMismatch,
  scoreOutOfRange,
  scoreInconsistent,
  deviationUnexplained,
  overachievementUnexplained,
  notApplicableScored,
  level1Weights,
  targetNotQuantified,
  gradeMismatch,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(
  rules.map((rule) => [rule.meta.id, rule]),
);

/** Runs the given rules (all by default) on one form. */
export function runRules(
  form: Form,
  profile: Profile,
  selected: readonly Rule[] = rules,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of selected) {
    const report = reportInto(findings, rule.meta, form.sheet);
    rule.check({ form, profile, report });
  }
  return findings;
}
