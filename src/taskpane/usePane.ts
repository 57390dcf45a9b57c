/**
 * The task pane's state and actions: everything it does goes through the HostAdapter, one action at
 * a time (buttons are disabled while one runs), and every failure ends up in `error`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { allFindings } from "../core/file-report";
import type { Finding } from "../core/findings";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { defaultProfileName, getProfile, profiles, type Profile } from "../core/profiles";
import type { TemplateKind } from "../core/templates";
import type { WorkbookReport } from "../core/validate";
import type { CellEdit, HostAdapter, HostCapabilities, ReadScope } from "../hosts/types";
import type { QuickFix } from "../ui/quick-fix";
import { clearNotice, errorText, markNotice, progressText, type Notice } from "./messages";
import { sheetsTouched } from "./ranges";
import { checkGrid, recheckSheets } from "./run-check";

/** Quiet time after the last edit before the live re-check runs. */
export const RECHECK_DELAY_MS = 800;

/** Key of the workbook setting that remembers the profile. */
export const PROFILE_SETTING = "profile";

/** One validation's outcome, with what it was run on (re-checks and quick fixes reuse it). */
export interface Results {
  report: WorkbookReport;
  scope: ReadScope;
  profile: Profile;
  /** The grid's sheets as read, by name: quick fixes look at the cell they would change. */
  sheets: ReadonlyMap<string, SheetGrid>;
}

export interface PaneState {
  capabilities: HostCapabilities | null;
  profileName: string;
  results: Results | null;
  /** What is running now ("正在校验：3 / 40 张表…"), or null when idle. */
  busy: string | null;
  error: string | null;
  notice: Notice | null;
  autoRecheck: boolean;
}

export interface PaneActions {
  validate(scope: ReadScope): void;
  changeProfile(name: string): void;
  selectFinding(finding: Finding): void;
  applyFix(fix: QuickFix): void;
  mark(): void;
  clearMarks(): void;
  exportReport(): void;
  insertTemplate(kind: TemplateKind, year: number, unit: string): void;
  setAutoRecheck(on: boolean): void;
}

function sheetMap(grid: WorkbookGrid): Map<string, SheetGrid> {
  return new Map(grid.sheets.map((sheet) => [sheet.name, sheet]));
}

function allOf(current: Results | null): Finding[] {
  return current === null ? [] : allFindings({ file: "", ...current.report });
}

function knownProfileName(name: string | null): string | undefined {
  if (name === null) return undefined;
  return profiles.find((profile) => profile.name === name.trim())?.name;
}

export function usePane(host: HostAdapter): [PaneState, PaneActions] {
  const [capabilities, setCapabilities] = useState<HostCapabilities | null>(null);
  const [profileName, setProfileName] = useState(defaultProfileName);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [autoRecheck, setAutoRecheckState] = useState(true);

  // Async work and host callbacks read the latest values through refs, not stale closures.
  const busyRef = useRef(false);
  const resultsRef = useRef<Results | null>(null);
  const profileRef = useRef<Profile>(getProfile(defaultProfileName));
  const autoRef = useRef(true);
  const pendingSheets = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const showResults = useCallback((next: Results) => {
    resultsRef.current = next;
    setResults(next);
  }, []);

  /** Runs one action: busy while it runs, its failure shown, never two at once. */
  const run = useCallback(
    async (label: string, task: () => Promise<void>, keepNotice = false): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(label);
      setError(null);
      if (!keepNotice) setNotice(null);
      try {
        await task();
      } catch (failure) {
        if (mounted.current) setError(errorText(failure));
      } finally {
        busyRef.current = false;
        if (mounted.current) setBusy(null);
      }
    },
    [],
  );

  const checkScope = useCallback(
    async (scope: ReadScope) => {
      setBusy(scope === "sheet" ? "正在读取当前工作表…" : "正在读取整个工作簿…");
      const grid = await host.readWorkbook(scope);
      const profile = profileRef.current;
      const report = await checkGrid(grid, profile, {
        onProgress: (progress) => setBusy(progressText(progress)),
      });
      showResults({ report, scope, profile, sheets: sheetMap(grid) });
    },
    [host, showResults],
  );

  /** Re-reads and re-checks the forms of some sheets, keeping the others' findings. */
  const recheck = useCallback(
    async (sheetNames: readonly string[]) => {
      const current = resultsRef.current;
      if (current === null) return;
      let grid = await host.readWorkbook(current.scope);
      const missing = sheetNames.some((name) => !grid.sheets.some((s) => s.name === name));
      // "Current sheet" results whose sheet is no longer the active one: read them all instead.
      if (missing && current.scope === "sheet") grid = await host.readWorkbook("workbook");
      const report = await recheckSheets(current.report, grid, sheetNames, current.profile, {
        onProgress: (progress) => setBusy(progressText(progress)),
      });
      const sheets = new Map(current.sheets);
      for (const name of sheetNames) {
        const sheet = grid.sheets.find((s) => s.name === name);
        if (sheet === undefined) sheets.delete(name);
        else sheets.set(name, sheet);
      }
      showResults({ ...current, report, sheets });
    },
    [host, showResults],
  );

  const runPendingRecheck = useCallback(() => {
    timer.current = undefined;
    if (!autoRef.current || !mounted.current) return;
    if (busyRef.current) {
      // Another action is running: try again once it had time to finish.
      timer.current = setTimeout(runPendingRecheck, RECHECK_DELAY_MS);
      return;
    }
    const names = [...pendingSheets.current];
    pendingSheets.current.clear();
    if (names.length === 0) return;
    void run("正在重新校验…", () => recheck(names), true);
  }, [recheck, run]);

  const onUserEdit = useCallback(
    (edits: readonly CellEdit[]) => {
      const current = resultsRef.current;
      if (!autoRef.current || current === null) return;
      const touched = sheetsTouched(edits, current.report.forms);
      if (touched.length === 0) return;
      for (const name of touched) pendingSheets.current.add(name);
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(runPendingRecheck, RECHECK_DELAY_MS);
    },
    [runPendingRecheck],
  );

  // Once per host: what it can do, the remembered profile, and the edit events.
  useEffect(() => {
    mounted.current = true;
    let removeListener: (() => Promise<void>) | null = null;
    let closed = false;
    const fail = (failure: unknown) => {
      if (!closed) setError(errorText(failure));
    };
    host.capabilities().then((caps) => {
      if (closed) return;
      setCapabilities(caps);
      if (!caps.liveRecheck) {
        autoRef.current = false;
        setAutoRecheckState(false);
      }
    }, fail);
    host.loadSetting(PROFILE_SETTING).then((saved) => {
      if (closed || saved === null) return;
      const name = knownProfileName(saved);
      if (name === undefined) {
        setNotice({
          intent: "info",
          text: `工作簿中记录的评分方案“${saved}”无法识别，已改用“${getProfile(defaultProfileName).label}”。`,
          details: [],
        });
        return;
      }
      profileRef.current = getProfile(name);
      setProfileName(name);
    }, fail);
    host
      .onUserEdit((edits) => onUserEdit(edits))
      .then((remove) => {
        if (closed) void remove?.().catch(() => undefined);
        else removeListener = remove;
      }, fail);
    return () => {
      closed = true;
      mounted.current = false;
      if (timer.current !== undefined) clearTimeout(timer.current);
      // The pane is closing: a failure to unsubscribe has nobody left to tell.
      void removeListener?.().catch(() => undefined);
    };
  }, [host, onUserEdit]);

  // Stable across renders, so memoised form cards do not re-render for every busy tick.
  const actions = useMemo<PaneActions>(
    () => ({
      validate: (scope) => void run("正在校验…", () => checkScope(scope)),
      changeProfile: (name) => {
        const profile = getProfile(name);
        profileRef.current = profile;
        setProfileName(profile.name);
        const previous = resultsRef.current;
        void run("正在保存评分方案…", async () => {
          await host.saveSetting(PROFILE_SETTING, profile.name);
          // Results listed under another profile would mislead: check again under the new one.
          if (previous !== null) await checkScope(previous.scope);
        });
      },
      selectFinding: (finding) => {
        if (!finding.sheet || !finding.cell) return;
        setError(null);
        host.selectCell(finding.sheet, finding.cell).catch((failure: unknown) => {
          if (mounted.current) setError(errorText(failure));
        });
      },
      applyFix: (fix) =>
        void run(`正在将 ${fix.sheet}!${fix.cell} 改为 “${fix.shown}”…`, async () => {
          // A number typed as text comes with the format that shows it as it was typed.
          await host.writeCell(fix.sheet, fix.cell, fix.value, fix.numFmt);
          setNotice({
            intent: "success",
            text: `已将 ${fix.sheet}!${fix.cell} 改为 “${fix.shown}”，并重新校验了该表。`,
            details: [],
          });
          await recheck([fix.sheet]);
        }),
      mark: () =>
        void run("正在标记问题单元格…", async () => {
          const summary = await host.mark(allOf(resultsRef.current));
          setNotice(markNotice(summary));
        }),
      clearMarks: () =>
        void run("正在清除标记…", async () => {
          setNotice(clearNotice(await host.clearMarks()));
        }),
      exportReport: () =>
        void run("正在导出校验结果…", async () => {
          const { sheet } = await host.writeReport(allOf(resultsRef.current));
          setNotice({
            intent: "success",
            text: `已将校验结果写入新工作表“${sheet}”。`,
            details: [],
          });
        }),
      insertTemplate: (kind, year, unit) =>
        void run("正在插入模板…", async () => {
          const trimmed = unit.trim();
          const { sheet } = await host.insertTemplate(kind, {
            year,
            ...(trimmed ? { unit: trimmed } : {}),
          });
          setNotice({ intent: "success", text: `已插入模板：新工作表“${sheet}”。`, details: [] });
        }),
      setAutoRecheck: (on) => {
        autoRef.current = on;
        setAutoRecheckState(on);
        if (!on && timer.current !== undefined) {
          clearTimeout(timer.current);
          timer.current = undefined;
          pendingSheets.current.clear();
        }
      },
    }),
    [host, run, checkScope, recheck],
  );

  return [{ capabilities, profileName, results, busy, error, notice, autoRecheck }, actions];
}
