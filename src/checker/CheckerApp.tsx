/**
 * The no-install web checker: pick or drop workbooks, choose a scoring profile, read the findings.
 * Everything runs in this page with the engine `perf-eval check` uses; no file leaves the machine.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useRef, useState, type DragEvent } from "react";
import { toJsonDocument, type FileReport } from "../core/file-report";
import { getProfile, profiles } from "../core/profiles";
import type { Profile } from "../core/profiles/schema";
import { checkFiles, type CheckProgress, type WorkbookFile } from "../hosts/web/check-files";
import { downloadText } from "./download";
import { FileReportCard, fileCounts } from "./FileReportCard";
import { loadSample } from "./sample";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: "1100px",
    margin: "0 auto",
  },
  controls: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    gap: tokens.spacingHorizontalL,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: { display: "none" },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
  },
});

const STAGE_TEXT: Record<CheckProgress["stage"], string> = {
  reading: "正在读取",
  checking: "正在检查",
};

/** A finished run: which files with which profile, and what was found. */
interface Run {
  files: readonly WorkbookFile[];
  profile: Profile;
  reports: FileReport[];
}

export function CheckerApp() {
  const styles = useStyles();
  const [profileName, setProfileName] = useState(profiles[0].name);
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Only the latest request may show its result (a profile switch during a long read restarts it).
  const latest = useRef(0);

  const check = useCallback(async (files: readonly WorkbookFile[], profile: Profile) => {
    if (files.length === 0) return;
    const id = ++latest.current;
    setProblem(null);
    const reports = await checkFiles(files, profile, {
      onProgress: (step) => {
        if (id === latest.current) setProgress(step);
      },
    });
    if (id !== latest.current) return;
    setProgress(null);
    setRun({ files, profile, reports });
  }, []);

  const profile = getProfile(profileName);
  const onFiles = (list: FileList | null) => void check(list ? Array.from(list) : [], profile);
  const onProfile = (name: string) => {
    setProfileName(name);
    if (run) void check(run.files, getProfile(name));
  };
  const onSample = async () => {
    try {
      await check([await loadSample()], profile);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onFiles(event.dataTransfer.files);
  };

  const totals = run ? summary(run.reports) : null;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title2 as="h1">绩效自评表在线检查（本机运行，文件不会上传）</Title2>
        <Body1>
          检查《项目支出绩效自评表》的执行率、得分、权重和等级等，与命令行 perf-eval check
          的结果相同。工作簿只在本机浏览器中读取，不会发送到任何服务器。
        </Body1>
        <div className={styles.controls}>
          <Field label="评分方案">
            <Select value={profileName} onChange={(_, data) => onProfile(data.value)}>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void onSample()}>用示例工作簿试一试</Button>
        </div>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Body1>把 .xlsx 工作簿拖到这里（可一次拖入多个），或</Body1>
          <Button appearance="primary" onClick={() => input.current?.click()}>
            选择文件…
          </Button>
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            multiple
            accept=".xlsx,.xlsm,.xls,.et"
            aria-label="选择要检查的工作簿"
            onChange={(event) => {
              onFiles(event.target.files);
              // Choosing the same file again (after editing it) must check it again.
              event.target.value = "";
            }}
          />
          <Caption1>旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。</Caption1>
        </div>
        <div role="status" aria-live="polite">
          {progress && (
            <Body1>
              {STAGE_TEXT[progress.stage]}“{progress.file}”（第 {progress.index} 个，共{" "}
              {progress.count} 个）…
            </Body1>
          )}
        </div>
        {problem && (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {run && totals && (
          <>
            <div className={styles.summary}>
              <Body1 data-testid="summary">
                共检查 {run.reports.length} 个文件、{totals.forms} 张表：错误 {totals.error}，警告{" "}
                {totals.warning}，提示 {totals.info}（评分方案：{run.profile.label}）
              </Body1>
              <Button
                onClick={() =>
                  downloadText(`${toJsonDocument(run.reports)}\n`, "perf-eval-check.json")
                }
              >
                下载 JSON
              </Button>
            </div>
            {run.reports.map((report, index) => (
              <FileReportCard
                key={`${index}-${report.file}`}
                report={report}
                profile={run.profile}
              />
            ))}
          </>
        )}
      </main>
    </FluentProvider>
  );
}

function summary(reports: readonly FileReport[]) {
  const totals = { forms: 0, error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    const counts = fileCounts(report);
    totals.forms += report.forms.length;
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
  }
  return totals;
}
