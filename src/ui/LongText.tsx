/**
 * Text from a workbook shown without freezing the page: a long one is shortened ("开头…（共 N 字）")
 * with a 展开全文 button. The whole text is rendered only when asked for, in a scrolling box, in
 * parts the browser lays out only when scrolled into view (issue 11: laying out 1.2 million
 * characters at once froze the web checker for half a minute).
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState, type KeyboardEvent, type MouseEvent } from "react";
import { SHORTEN_AT, shortenText, shortenedLabel, textChunks } from "./shorten";

const useStyles = makeStyles({
  toggle: {
    minWidth: "auto",
    height: "auto",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: "baseline",
  },
  whole: {
    display: "block",
    maxHeight: "20em",
    overflowY: "auto",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  part: {
    display: "block",
    // Off-screen parts are skipped by layout; "auto" remembers a part's height once laid out.
    contentVisibility: "auto",
    containIntrinsicSize: "auto 40em",
  },
});

export interface LongTextProps {
  text: string;
  /** Longer texts are shortened to this many characters. */
  limit?: number;
}

export function LongText({ text, limit = SHORTEN_AT }: LongTextProps) {
  const styles = useStyles();
  const shortened = useMemo(() => shortenText(text, limit), [text, limit]);
  const [whole, setWhole] = useState(false);
  if (!shortened.shortened) return <>{text}</>;
  const toggle = (event: MouseEvent) => {
    // Inside a clickable row (the task pane selects a finding's cell), only the text toggles.
    event.stopPropagation();
    setWhole(!whole);
  };
  // Enter or Space on the button is the button's, not the row's (which would select the cell).
  const ownKeys = (event: KeyboardEvent) => event.stopPropagation();
  return (
    <span data-long-text={shortened.length}>
      {whole ? <WholeText text={text} /> : <span data-text-head>{shortenedLabel(shortened)}</span>}
      <Button
        className={styles.toggle}
        appearance="transparent"
        size="small"
        aria-expanded={whole}
        onClick={toggle}
        onKeyDown={ownKeys}
      >
        {whole ? "收起" : "展开全文"}
      </Button>
    </span>
  );
}

function WholeText({ text }: { text: string }) {
  const styles = useStyles();
  const parts = useMemo(() => textChunks(text), [text]);
  return (
    <span className={styles.whole} data-text-whole role="region" aria-label="全文" tabIndex={0}>
      {parts.map((part, index) => (
        <span key={index} className={styles.part}>
          {part}
        </span>
      ))}
    </span>
  );
}
