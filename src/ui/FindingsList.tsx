/**
 * A list of findings: severity badge, sheet!cell, message, rule id. Shared by the web checker and
 * (later) the task pane, so reviewers see findings the same way everywhere.
 */
import { Badge, Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_LABEL, type Finding } from "../core/findings";
import { FINDING_LIST_STYLE, SEVERITY_BADGE_COLOUR } from "./finding-look";
import { LongText } from "./LongText";
import { SHORTEN_AT } from "./shorten";

const useStyles = makeStyles({
  list: FINDING_LIST_STYLE,
  item: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
  },
  badge: { flexShrink: 0 },
  where: {
    flexShrink: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    minWidth: "9em",
  },
  // A long word (a pasted URL, a run of digits) wraps instead of widening the page.
  message: { minWidth: 0, overflowWrap: "anywhere" },
  rule: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  clickable: { cursor: "pointer" },
});

/** "Sheet!C7", or "" for a finding about the whole file. */
export function findingAddress(finding: Finding): string {
  return finding.sheet ? `${finding.sheet}!${finding.cell}` : "";
}

export interface FindingsListProps {
  findings: readonly Finding[];
  /** What to say when there is nothing to list. */
  emptyText?: string;
  /** Called when a finding is chosen (the task pane selects its cell); the list is static without. */
  onSelect?: (finding: Finding) => void;
  /** Messages longer than this many characters are shortened, with a button to see the whole. */
  shortenAt?: number;
}

export function FindingsList({
  findings,
  emptyText = "未发现问题",
  onSelect,
  shortenAt = SHORTEN_AT,
}: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Caption1>{emptyText}</Caption1>;
  return (
    <ul className={styles.list}>
      {findings.map((finding, index) => (
        <li
          key={`${finding.rule}-${finding.sheet}-${finding.cell}-${index}`}
          className={onSelect ? `${styles.item} ${styles.clickable}` : styles.item}
          data-severity={finding.severity}
          data-rule={finding.rule}
          onClick={onSelect ? () => onSelect(finding) : undefined}
        >
          <Badge
            className={styles.badge}
            appearance="filled"
            color={SEVERITY_BADGE_COLOUR[finding.severity]}
          >
            {SEVERITY_LABEL[finding.severity]}
          </Badge>
          {findingAddress(finding) && (
            <span className={styles.where}>{findingAddress(finding)}</span>
          )}
          <Body1 className={styles.message}>
            <LongText text={finding.message} limit={shortenAt} />
          </Body1>
          <Caption1 className={styles.rule}>{finding.rule}</Caption1>
        </li>
      ))}
    </ul>
  );
}
