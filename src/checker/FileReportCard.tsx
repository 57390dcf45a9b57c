/** One checked file: its forms (project, 执行率, 总分, 等级) and their findings, with counts. */
import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { memo } from "react";
import { allFindings, type FileReport } from "../core/file-report";
import { countBySeverity } from "../core/findings";
import type { FormReport } from "../core/validate";
import type { Profile } from "../core/profiles/schema";
import { formatRate } from "../core/scoring";
import { FindingsList } from "../ui/FindingsList";
import { LongText } from "../ui/LongText";

const useStyles = makeStyles({
  forms: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  formHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
  },
  facts: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    fontVariantNumeric: "tabular-nums",
  },
  where: { color: tokens.colorNeutralForeground3 },
  // A long project name wraps (and is shortened) instead of widening the card.
  name: { minWidth: 0, overflowWrap: "anywhere" },
});

export function fileCounts(report: FileReport) {
  return countBySeverity(allFindings(report));
}

export interface FileReportCardProps {
  report: FileReport;
  profile: Profile;
}

/**
 * Memoised: while the page re-checks with another profile, its progress line changes many times a
 * second; re-rendering every card each time made a profile switch over 50 workbooks take 40 s.
 */
export const FileReportCard = memo(function FileReportCard({
  report,
  profile,
}: FileReportCardProps) {
  const styles = useStyles();
  const counts = fileCounts(report);
  return (
    <Card data-file={report.file}>
      <CardHeader
        header={
          <Subtitle2 as="h2" className={styles.name}>
            <LongText text={report.file} />
          </Subtitle2>
        }
        description={
          <Caption1>
            {report.unreadable
              ? "无法读取"
              : `${report.forms.length} 张表：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`}
          </Caption1>
        }
      />
      {report.unreadable ? (
        <MessageBar intent="error" data-reason>
          <MessageBarBody>
            <LongText text={report.findings.map((f) => f.message).join("；")} />
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {report.findings.length > 0 && <FindingsList findings={report.findings} />}
          <ol className={styles.forms}>
            {report.forms.map((form, index) => (
              <FormItem
                key={`${form.sheet}!${form.range}`}
                form={form}
                index={index}
                profile={profile}
              />
            ))}
          </ol>
        </>
      )}
    </Card>
  );
});

function FormItem({ form, index, profile }: { form: FormReport; index: number; profile: Profile }) {
  const styles = useStyles();
  const total = form.total.printed ?? form.total.computed;
  return (
    <li className={styles.form} data-project={form.projectName}>
      <div className={styles.formHead}>
        <Body1 className={styles.name}>
          <strong>
            表 {index + 1}：
            {form.projectName ? <LongText text={form.projectName} /> : "（未填写项目名称）"}
          </strong>
        </Body1>
        <Caption1 className={styles.where}>
          {form.sheet}!{form.range}
        </Caption1>
        <Body1 className={styles.facts}>
          <span data-fact="rate">
            执行率 {form.execution.rate === null ? "—" : formatRate(form.execution.rate, profile)}
          </span>
          <span data-fact="total">总分 {total === null ? "—" : total}</span>
          <span data-fact="grade">等级 {form.grade ?? "—"}</span>
        </Body1>
      </div>
      <FindingsList findings={form.findings} />
    </li>
  );
}
