/**
 * The task pane: one React tree for every host (Excel now, WPS later). It talks to the workbook only
 * through the HostAdapter it is given; without one (a plain browser) it explains itself.
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
  Spinner,
  Subtitle2,
  Switch,
  Title2,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { allFindings } from "../core/file-report";
import { countBySeverity, SEVERITY_LABEL, type Finding, type Severity } from "../core/findings";
import { profiles } from "../core/profiles";
import type { FormReport } from "../core/validate";
import type { HostAdapter } from "../hosts/types";
import { quickFixFor } from "../ui/quick-fix";
import { FormCard, type SeverityFilter } from "./FormCard";
import { FunctionList } from "./FunctionList";
import { BusyContext, PaneFindings } from "./PaneFindings";
import { TemplatePanel } from "./TemplatePanel";
import { usePane, type Results } from "./usePane";

const useStyles = makeStyles({
  // A select is as wide as its longest option; at a 320 px pane it must shrink instead.
  fitSelect: { minWidth: 0, maxWidth: "100%" },
  fitSelectControl: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  title: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  forms: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * Form cards rendered per step: a thousand-form workbook's cards are added a slice at a time, so
 * the first forms show at once and the pane answers clicks while the rest are laid out.
 */
export const FORMS_PER_PAGE = 20;

const FILTERS: ReadonlyArray<[SeverityFilter, string]> = [
  ["all", "全部"],
  ...(["error", "warning", "info"] as Severity[]).map((s): [Severity, string] => [
    s,
    SEVERITY_LABEL[s],
  ]),
];

export interface AppProps {
  /** The workbook's host; undefined in a plain browser (no Excel, no WPS). */
  host: HostAdapter | undefined;
  /** Why the host could not be set up, when it could not (said instead of a blank pane). */
  startupError?: string;
}

export function App({ host, startupError }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title2 as="h1" className={styles.title}>
          绩效自评助手
        </Title2>
        {startupError !== undefined ? (
          <MessageBar intent="error" role="alert" data-error>
            <MessageBarBody>{startupError}</MessageBarBody>
          </MessageBar>
        ) : host === undefined ? (
          <NoHost />
        ) : (
          <Pane host={host} />
        )}
        <FunctionList />
      </main>
    </FluentProvider>
  );
}

function NoHost() {
  return (
    <>
      <Body1>帮助填报和审核《项目支出绩效自评表》：校验、标记问题单元格、插入空白模板。</Body1>
      <MessageBar intent="info">
        <MessageBarBody>
          未检测到 Excel 或 WPS：当前在普通浏览器中打开，表格功能不可用。请在 Excel 或 WPS
          表格中打开“绩效自评助手”。
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

function Pane({ host }: { host: HostAdapter }) {
  const styles = useStyles();
  const [state, actions] = usePane(host);
  const [filter, setFilter] = useState<SeverityFilter>("all");
  // The filter buttons answer at once; the cards (thousands of rows) follow, interruptibly.
  const cardFilter = useDeferredValue(filter);
  const [shownForms, setShownForms] = useState(FORMS_PER_PAGE);
  const [resultsSeen, setResultsSeen] = useState<Results | null>(null);
  const busy = state.busy !== null;
  const { results, capabilities } = state;

  // New results (not a re-check of some forms) are listed again from the first slice.
  if (results !== resultsSeen) {
    if (results?.report.forms.length !== resultsSeen?.report.forms.length) {
      setShownForms(FORMS_PER_PAGE);
    }
    setResultsSeen(results);
  }

  const limitations = useMemo(() => [...new Set(capabilities?.limitations ?? [])], [capabilities]);
  const everything = useMemo(
    () => (results === null ? [] : allFindings({ file: "", ...results.report })),
    [results],
  );
  const counts = countBySeverity(everything);
  // Stable, reading the latest results: after a re-check of one sheet only the cards whose form
  // changed re-render (a card's fixes depend on its form, its sheet and the profile, all of which
  // come new with a changed form).
  const latest = useRef(results);
  latest.current = results;
  const fixOf = useCallback((finding: Finding, form: FormReport | undefined) => {
    const current = latest.current;
    return current === null
      ? undefined
      : quickFixFor(finding, form, current.profile, current.sheets.get(finding.sheet));
  }, []);
  const formCount = results?.report.forms.length ?? 0;
  useEffect(() => {
    if (shownForms >= formCount) return;
    // A transition: React renders the slice in small interruptible steps, clicks come first.
    const next = setTimeout(
      () => startTransition(() => setShownForms((shown) => shown + FORMS_PER_PAGE)),
      0,
    );
    return () => clearTimeout(next);
  }, [shownForms, formCount]);
  const countOf = (key: SeverityFilter) => (key === "all" ? everything.length : counts[key]);
  const fileFindings =
    results === null
      ? []
      : filter === "all"
        ? results.report.findings
        : results.report.findings.filter((f) => f.severity === filter);

  return (
    <BusyContext.Provider value={busy}>
      <Caption1>{`在 ${host.hostLabel} 中运行`}</Caption1>
      <section className={styles.section} aria-label="校验">
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => actions.validate("sheet")}>
            校验当前工作表
          </Button>
          <Button disabled={busy} onClick={() => actions.validate("workbook")}>
            校验整个工作簿
          </Button>
        </div>
        <Field label="评分方案">
          <Select
            className={styles.fitSelect}
            select={{ className: styles.fitSelectControl }}
            value={state.profileName}
            disabled={busy}
            onChange={(_, data) => actions.changeProfile(data.value)}
          >
            {profiles.map((profile) => (
              <option key={profile.name} value={profile.name}>
                {profile.label}
              </option>
            ))}
          </Select>
        </Field>
        <Switch
          label="自动重新校验（修改自评表后自动更新结果）"
          checked={state.autoRecheck}
          disabled={capabilities !== null && !capabilities.liveRecheck}
          onChange={(_, data) => actions.setAutoRecheck(data.checked)}
        />
      </section>

      {limitations.map((sentence) => (
        <MessageBar key={sentence} intent="warning" data-limitation>
          <MessageBarBody>{sentence}</MessageBarBody>
        </MessageBar>
      ))}
      {state.busy !== null && (
        <Spinner size="tiny" labelPosition="after" label={state.busy} role="status" />
      )}
      {state.error !== null && (
        <MessageBar intent="error" role="alert" data-error>
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice !== null && (
        <MessageBar intent={state.notice.intent} role="status" data-notice>
          <MessageBarBody>
            {state.notice.text}
            {state.notice.details.length > 0 && (
              <ul>
                {state.notice.details.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-label="标记与导出">
        <div className={styles.row}>
          <Button disabled={busy || results === null} onClick={actions.mark}>
            标记问题单元格
          </Button>
          <Button disabled={busy} onClick={actions.clearMarks}>
            清除标记
          </Button>
          <Button disabled={busy || results === null} onClick={actions.exportReport}>
            导出校验结果
          </Button>
        </div>
      </section>

      {results !== null && (
        <section className={styles.section} aria-label="校验结果">
          <Subtitle2 as="h2" className={styles.title} data-summary>
            {results.scope === "sheet" ? "当前工作表" : "整个工作簿"}：{results.report.forms.length}{" "}
            张自评表，错误 {counts.error}，警告 {counts.warning}，提示 {counts.info}
          </Subtitle2>
          <div className={styles.row} role="group" aria-label="按严重程度筛选">
            {FILTERS.map(([key, label]) => (
              <ToggleButton
                key={key}
                size="small"
                checked={filter === key}
                appearance={filter === key ? "primary" : "secondary"}
                onClick={() => setFilter(key)}
              >
                {label} {countOf(key)}
              </ToggleButton>
            ))}
          </div>
          {(results.report.findings.length > 0 || results.report.forms.length === 0) && (
            <PaneFindings
              findings={fileFindings}
              emptyText={filter === "all" ? "未发现问题" : "没有这一类问题"}
              onSelect={actions.selectFinding}
              fixOf={(finding) => fixOf(finding, undefined)}
              onFix={actions.applyFix}
            />
          )}
          <div className={styles.forms}>
            {results.report.forms.slice(0, shownForms).map((form, index) => (
              <FormCard
                key={`${form.sheet}!${form.range}`}
                form={form}
                index={index}
                profile={results.profile}
                filter={cardFilter}
                onSelect={actions.selectFinding}
                fixOf={fixOf}
                onFix={actions.applyFix}
              />
            ))}
          </div>
          {formCount > shownForms && (
            <Caption1 role="status" data-rendering>
              {`正在列出：${shownForms} / ${formCount} 张表…`}
            </Caption1>
          )}
        </section>
      )}

      <TemplatePanel
        disabled={busy}
        unavailable={
          capabilities !== null && !capabilities.templates ? "当前环境无法插入模板" : undefined
        }
        onInsert={actions.insertTemplate}
      />
    </BusyContext.Provider>
  );
}
