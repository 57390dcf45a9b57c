import type { Finding } from "../findings";
import type { RuleMeta, RuleReport } from "./types";

/**
 * The `report` a rule is given: each finding it reports is added to `findings` with the rule's id
 * and severity and the form's sheet. Both runners (project forms and department tables) use it,
 * so a finding looks the same whichever table it comes from.
 */
export function reportInto(
  findings: Finding[],
  meta: RuleMeta,
  sheet: string,
): (found: RuleReport) => void {
  return (found) => {
    findings.push({ rule: meta.id, severity: meta.severity, sheet, ...found });
  };
}
