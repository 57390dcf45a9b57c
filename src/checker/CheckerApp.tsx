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
  ProgressBar,
  Select,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  type DragEvent,
} from "react";
import { toJsonDocument, type FileReport } from "../core/file-report";
import { getProfile, profiles } from "../core/profiles";
import type { Profile } from "../core/profiles/schema";
import type { CheckProgress } from "../hosts/web/check-files";
import { CheckerClient } from "../hosts/web/checker-client";
import { downloadBytes, downloadText } from "./download";
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

/**
 * A finished run: which files as read (their grids stay in the worker, so that another profile
 * re-runs only the rules, issue 12), the profile, and what was found.
 */
interface Run {
  run: number;
  profile: Profile;
  reports: FileReport[];
}

/** The worker that reads and checks; one for the page, started after its first paint. */
const checker = new CheckerClient();

const SUMMARY_FILE = "绩效自评检查汇总.xlsx";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function CheckerApp() {
  const styles = useStyles();
  const [profileName, setProfileName] = useState(profiles[0].name);
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Only the latest request may show its result: new files, or a profile switch after the read.
  const latest = useRef(0);
  // The profile chosen now; a read under way picks up a switch made while it reads.
  const chosen = useRef<Profile>(getProfile(profileName));
  const reading = useRef(false);
  // The files read last, with reports for some profile: what a profile switch re-checks. A ref,
  // as a handler may run before the render that would show it the newest run.
  const lastRead = useRef<Run | null>(null);

  // The reader is loaded in the worker once the page has painted: the first check starts at once
  // and the first render never waits for it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => checker.warm(), 0));
    return () => cancelAnimationFrame(frame);
  }, []);

  /** Progress of request `id`, shown while it is the latest. */
  const progressOf = useCallback(
    (id: number) => (step: CheckProgress) => {
      if (id === latest.current) setProgress(step);
    },
    [],
  );

  /** Checks files already read until the shown result is for the profile chosen now. */
  const finish = useCallback(
    async (id: number, done: Run) => {
      let result = done;
      lastRead.current = result;
      while (result.profile !== chosen.current) {
        const profile = chosen.current;
        const reports = await checker.recheck(result.run, profile.name, progressOf(id));
        if (id !== latest.current) return;
        result = { run: result.run, profile, reports };
        lastRead.current = result;
      }
      setProgress(null);
      // Hundreds of form cards: rendered as a transition, in slices, so clicks are still answered.
      startTransition(() => setRun(result));
    },
    [progressOf],
  );

  /** A failed request says why, in place of its progress. */
  const failed = useCallback((id: number, error: unknown) => {
    if (id !== latest.current) return;
    reading.current = false;
    setProgress(null);
    setProblem(error instanceof Error ? error.message : String(error));
  }, []);

  const check = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const id = ++latest.current;
      reading.current = true;
      setProblem(null);
      const profile = chosen.current;
      try {
        const { run: read, reports } = await checker.read(files, profile.name, progressOf(id));
        if (id !== latest.current) {
          checker.forget(read);
          return;
        }
        reading.current = false;
        const previous = lastRead.current;
        await finish(id, { run: read, profile, reports });
        if (previous && previous.run !== read) checker.forget(previous.run);
      } catch (error) {
        failed(id, error);
      }
    },
    [failed, finish, progressOf],
  );

  const onFiles = (list: FileList | null) => void check(list ? Array.from(list) : []);
  const onProfile = (name: string) => {
    setProfileName(name);
    chosen.current = getProfile(name);
    // While files are being read, the read re-checks with this profile when it is done.
    if (lastRead.current && !reading.current) {
      const id = ++latest.current;
      finish(id, lastRead.current).catch((error: unknown) => failed(id, error));
    }
  };
  const onSample = async () => {
    try {
      await check([await loadSample()]);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onFiles(event.dataTransfer.files);
  };

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
            <>
              <Body1>
                {STAGE_TEXT[progress.stage]}“{progress.file}”（第 {progress.index} 个，共{" "}
                {progress.count} 个）…
              </Body1>
              <ProgressBar
                data-testid="progress"
                thickness="large"
                value={progressValue(progress)}
                max={1}
              />
            </>
          )}
        </div>
        {problem && (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {run && <Results run={run} />}
      </main>
    </FluentProvider>
  );
}

/**
 * The run's summary, JSON download and one card per file. Memoised: the progress line of a
 * re-check changes many times a second and must not re-render thousands of findings each time.
 */
const Results = memo(function Results({ run }: { run: Run }) {
  const styles = useStyles();
  const totals = summary(run.reports);
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const saveSummary = async () => {
    setSaving(true);
    setSaveProblem(null);
    try {
      const bytes = await checker.summary(run.run, run.reports, run.profile.name);
      downloadBytes(bytes, SUMMARY_FILE, XLSX_TYPE);
    } catch (error) {
      setSaveProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <div className={styles.summary}>
        <Body1 data-testid="summary">
          共检查 {run.reports.length} 个文件、{totals.forms} 张表：错误 {totals.error}，警告{" "}
          {totals.warning}，提示 {totals.info}（评分方案：{run.profile.label}）
        </Body1>
        <Button
          onClick={() => downloadText(`${toJsonDocument(run.reports)}\n`, "perf-eval-check.json")}
        >
          下载 JSON
        </Button>
        <Button disabled={saving} onClick={() => void saveSummary()}>
          {saving ? "正在生成汇总表…" : "下载汇总表"}
        </Button>
      </div>
      {saveProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{saveProblem}</MessageBarBody>
        </MessageBar>
      )}
      {run.reports.map((report, index) => (
        <FileReportCard key={`${index}-${report.file}`} report={report} profile={run.profile} />
      ))}
    </>
  );
});

/** Files done, and most of the one being checked once it is read (reading is most of its time). */
function progressValue(progress: CheckProgress): number {
  const done = progress.index - 1 + (progress.stage === "checking" ? 0.8 : 0);
  return Math.min(1, done / progress.count);
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
