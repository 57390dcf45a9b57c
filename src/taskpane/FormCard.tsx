/** One detected form: 项目名称, where it is, 执行率 / 总分 / 等级, severity counts, its findings. */
import { Body1, Caption1, Card, makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { countBySeverity, type Finding, type Severity } from "../core/findings";
import type { Profile } from "../core/profiles/schema";
import { formatRate } from "../core/scoring";
import type { FormReport } from "../core/validate";
import type { QuickFix } from "../ui/quick-fix";
import { PaneFindings } from "./PaneFindings";

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalS,
    gap: tokens.spacingVerticalS,
    // Cards out of view are not laid out: a thousand-form workbook stays quick to scroll and update.
    contentVisibility: "auto",
    containIntrinsicSize: "auto 320px",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground3 },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontVariantNumeric: "tabular-nums",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export type SeverityFilter = Severity | "all";

export interface FormCardProps {
  form: FormReport;
  index: number;
  profile: Profile;
  filter: SeverityFilter;
  onSelect(finding: Finding): void;
  fixOf(finding: Finding, form: FormReport): QuickFix | undefined;
  onFix(fix: QuickFix): void;
}

/** Memoised: a re-check of one form re-renders its card only (callbacks must be stable). */
export const FormCard = memo(function FormCard({
  form,
  index,
  profile,
  filter,
  ...handlers
}: FormCardProps) {
  const styles = useStyles();
  const counts = countBySeverity(form.findings);
  const total = form.total.printed ?? form.total.computed;
  const shown =
    filter === "all" ? form.findings : form.findings.filter((f) => f.severity === filter);
  return (
    <Card
      className={styles.card}
      data-form={`${form.sheet}!${form.range}`}
      role="region"
      aria-label={`表 ${index + 1}：${form.projectName || "未填写项目名称"}`}
    >
      <div>
        <h3 className={styles.title}>
          表 {index + 1}：{form.projectName || "（未填写项目名称）"}
        </h3>
        <Caption1 className={styles.where}>
          {form.sheet}!{form.range}
        </Caption1>
      </div>
      <Body1 className={styles.facts}>
        <span data-fact="rate">
          执行率 {form.execution.rate === null ? "—" : formatRate(form.execution.rate, profile)}
        </span>
        <span data-fact="total">总分 {total === null ? "—" : total}</span>
        <span data-fact="grade">等级 {form.grade ?? "—"}</span>
      </Body1>
      <Caption1 className={styles.facts} data-counts>
        <span className={counts.error > 0 ? styles.error : undefined} data-count="error">
          错误 {counts.error}
        </span>
        <span className={counts.warning > 0 ? styles.warning : undefined} data-count="warning">
          警告 {counts.warning}
        </span>
        <span data-count="info">提示 {counts.info}</span>
      </Caption1>
      <PaneFindings
        findings={shown}
        emptyText={filter === "all" ? "本表未发现问题" : "本表没有这一类问题"}
        onSelect={handlers.onSelect}
        fixOf={(finding) => handlers.fixOf(finding, form)}
        onFix={handlers.onFix}
      />
    </Card>
  );
});
