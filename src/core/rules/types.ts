import type { Finding, Severity } from "../findings";
import type { Form } from "../forms/model";
import type { Profile } from "../profiles/schema";

export interface RuleMeta {
  /** Stable id, as in product.md §2. */
  id: string;
  severity: Severity;
  /** Chinese: what the rule checks, shown in help and in the task pane. */
  description: string;
}

/** What a rule reports; the runner adds rule, severity and sheet. */
export interface RuleReport {
  cell: string;
  message: string;
  expected?: string;
  actual?: string;
}

export interface RuleContext {
  form: Form;
  profile: Profile;
  report(finding: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Finding };
