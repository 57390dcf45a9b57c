/**
 * How a finding looks wherever it is listed (the web checker's FindingsList, the task pane's
 * PaneFindings): the badge colour of each severity and the list around the rows, so reviewers
 * see findings the same way in both.
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";
import type { Severity } from "../core/findings";

export const SEVERITY_BADGE_COLOUR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** A plain vertical list of findings, rows a little apart. */
export const FINDING_LIST_STYLE: GriffelStyle = {
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXS,
};
