/**
 * The pane's list of findings: severity badge, 工作表!单元格, the message (long ones shortened the
 * web checker's way, 展开全文 shows all), rule id, and 改为 “…” where a quick fix exists. Each row is focusable: a click or
 * Enter selects its cell in the workbook. Rows carry data-rule and data-cell for tests.
 */
import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { createContext, useContext, type KeyboardEvent, type MouseEvent } from "react";
import { SEVERITY_LABEL, type Finding } from "../core/findings";
import { FINDING_LIST_STYLE, SEVERITY_BADGE_COLOUR } from "../ui/finding-look";
import { LongText } from "../ui/LongText";
import type { QuickFix } from "../ui/quick-fix";

/** Messages are shortened beyond this many characters: at 320 px, three lines of text. */
export const SHORT_MESSAGE_LENGTH = 80;

const useStyles = makeStyles({
  list: FINDING_LIST_STYLE,
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  clickable: { cursor: "pointer" },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  rule: { color: tokens.colorNeutralForeground3 },
  message: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * True while an action runs: quick fixes wait. A context rather than a prop, so a busy tick
 * re-renders the fix buttons only, not every card of a thousand-form workbook.
 */
export const BusyContext = createContext(false);

/** "工作表!C7", or "" for a finding about the whole file. */
export function findingAddress(finding: Finding): string {
  return finding.sheet && finding.cell ? `${finding.sheet}!${finding.cell}` : "";
}

export interface PaneFindingsProps {
  findings: readonly Finding[];
  emptyText: string;
  onSelect(finding: Finding): void;
  /** The quick fix of a finding, if it has one. */
  fixOf(finding: Finding): QuickFix | undefined;
  onFix(fix: QuickFix): void;
}

export function PaneFindings(props: PaneFindingsProps) {
  const styles = useStyles();
  if (props.findings.length === 0) return <Caption1>{props.emptyText}</Caption1>;
  return (
    <ul className={styles.list}>
      {props.findings.map((finding, index) => (
        <FindingRow
          key={`${finding.rule}-${finding.sheet}-${finding.cell}-${index}`}
          finding={finding}
          {...props}
        />
      ))}
    </ul>
  );
}

function FindingRow({ finding, onSelect, fixOf, onFix }: PaneFindingsProps & { finding: Finding }) {
  const styles = useStyles();
  const address = findingAddress(finding);
  const selectable = address !== "";
  const fix = fixOf(finding);
  const label = SEVERITY_LABEL[finding.severity];

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Only the row itself: Enter on its buttons is theirs.
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(finding);
    }
  };

  return (
    <li
      className={selectable ? `${styles.item} ${styles.clickable}` : styles.item}
      data-rule={finding.rule}
      data-cell={address}
      data-severity={finding.severity}
      tabIndex={selectable ? 0 : undefined}
      aria-label={
        selectable ? `${label} ${address}：${finding.message}（按 Enter 选中该单元格）` : undefined
      }
      onClick={selectable ? () => onSelect(finding) : undefined}
      onKeyDown={selectable ? onKeyDown : undefined}
    >
      <div className={styles.head}>
        <Badge appearance="filled" color={SEVERITY_BADGE_COLOUR[finding.severity]}>
          {label}
        </Badge>
        {address && <span className={styles.where}>{address}</span>}
        <Caption1 className={styles.rule}>{finding.rule}</Caption1>
      </div>
      <p className={styles.message} data-message>
        <LongText text={finding.message} limit={SHORT_MESSAGE_LENGTH} />
      </p>
      {fix && (
        <div className={styles.actions}>
          <FixButton fix={fix} onFix={onFix} />
        </div>
      )}
    </li>
  );
}

function FixButton({ fix, onFix }: { fix: QuickFix; onFix(fix: QuickFix): void }) {
  const busy = useContext(BusyContext);
  const onClick = (event: MouseEvent) => {
    // The row selects its cell on a click; this click is the fix's only.
    event.stopPropagation();
    onFix(fix);
  };
  return (
    <Button size="small" appearance="primary" disabled={busy} data-fix={fix.cell} onClick={onClick}>
      改为 “{fix.shown}”
    </Button>
  );
}
