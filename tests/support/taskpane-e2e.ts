/**
 * End-to-end driving of the built task pane on a simulator page (excel-sim.html / wps-sim.html) in
 * headless Chromium: open a workbook served from tests/fixtures, click the pane's buttons, read the
 * findings it lists, read the simulator's selection, save the workbook through the page's 下载工作簿.
 * Shared by tests/browser/taskpane-excel.test.ts and taskpane-wps.test.ts.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { checkWorkbook, toJsonDocument } from "../../src/core/file-report";
import { defaultProfileName, getProfile } from "../../src/core/profiles";
import { LEDGER_SHEET } from "../../src/hosts/marks/ledger";
import { readXlsxFile } from "../../src/hosts/xlsx/read";
import { browserSkipReason, isLocal, WEB_DIST } from "./browser";

export const ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");

/** One simulator page: its file in dist/web and the window property exposing its simulator. */
export interface SimHost {
  label: string;
  page: string;
  global: "excelSim" | "wpsSim";
}

export const EXCEL_SIM: SimHost = { label: "Excel", page: "excel-sim.html", global: "excelSim" };
export const WPS_SIM: SimHost = { label: "WPS", page: "wps-sim.html", global: "wpsSim" };

/**
 * Why the end-to-end tests cannot run here, or undefined. In CI (CI set) they always run, so a
 * missing browser or web build fails them instead of passing silently.
 */
export function e2eSkipReason(hosts: readonly SimHost[]): string | undefined {
  const browser = browserSkipReason();
  if (browser) return browser;
  if (process.env.CI) return undefined;
  const missing = [
    ...hosts.map((host) => path.join(WEB_DIST, host.page)),
    path.join(WEB_DIST, "taskpane.js"),
  ].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return `任务窗格端到端测试已跳过：缺少构建产物 ${missing.map((f) => path.relative(ROOT, f)).join("、")}（先运行 npm run build；CI 中不会跳过）`;
  }
  return undefined;
}

/** A finding as compared between the pane and the command line. */
export interface ListedFinding {
  rule: string;
  severity: string;
  /** "工作表!A1", or "" for a finding about the whole file. */
  cell: string;
  message: string;
}

/**
 * What `perf-eval check --json` reports for each file, flattened to ListedFinding: computed in
 * process with the command line's own steps (readXlsxFile, then checkWorkbook under the default
 * profile), so the comparison does not depend on a node build being current.
 */
export async function cliFindings(files: readonly string[]): Promise<Map<string, CliReport>> {
  const byFile = new Map<string, CliReport>();
  for (const file of files) {
    const report = checkWorkbook(file, await readXlsxFile(file), getProfile(defaultProfileName));
    // Through the --json document, so only what the command line prints is compared.
    const doc = JSON.parse(toJsonDocument([report])) as {
      files: Array<{ findings: CliFinding[]; forms: Array<{ findings: CliFinding[] }> }>;
    };
    const shown = doc.files[0];
    const all = [...shown.findings, ...shown.forms.flatMap((form) => form.findings)];
    const findings = all.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cell: f.sheet && f.cell ? `${f.sheet}!${f.cell}` : "",
      message: f.message,
    }));
    byFile.set(file, { findings, forms: shown.forms.length });
  }
  return byFile;
}

export interface CliReport {
  findings: ListedFinding[];
  /** How many forms the engine detected. */
  forms: number;
}

interface CliFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
}

/** How many form cards the pane lists. */
export function listedForms(page: Page): Promise<number> {
  return page.locator("#root [data-form]").count();
}

/** Findings as a sorted list of one-line keys: equal lists are equal multisets. */
export function multiset(findings: readonly ListedFinding[]): string[] {
  return findings
    .map((f) => JSON.stringify([f.rule, f.severity, f.cell, f.message]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A simulator page with the pane loaded, and what it did that a test checks afterwards. */
export interface PanePage {
  page: Page;
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/** Opens `host`'s page on `workbookPath` (a same-origin path such as /fixtures/beijing.xlsx). */
export async function openPane(
  context: BrowserContext,
  origin: string,
  host: SimHost,
  workbookPath: string,
): Promise<PanePage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${origin}/${host.page}?workbook=${encodeURIComponent(workbookPath)}`);
  // The pane is up once its buttons are; the workbook is open once the simulator is exposed.
  await validateButton(page).waitFor();
  await page.waitForFunction((name) => name in window, host.global);
  const status = (await page.locator("#status").textContent()) ?? "";
  expect(status, `${host.page} did not open ${workbookPath}`).toContain("已打开");
  return { page, errors, requests };
}

export function validateButton(page: Page) {
  return page.locator("#root button", { hasText: "校验整个工作簿" });
}

export function paneButton(page: Page, text: string) {
  return page.locator("#root button", { hasText: text });
}

/**
 * Waits until the pane is idle: no action running (its buttons enabled again) and every form card
 * laid out (no [data-rendering] left). A click's busy state is rendered before Playwright's click
 * returns (React flushes a discrete event's updates synchronously), so this never sees the idle
 * state from before the click.
 */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const buttons = [...document.querySelectorAll("#root button")];
      const check = buttons.find((b) => b.textContent?.includes("校验整个工作簿"));
      return (
        check !== undefined &&
        !(check as HTMLButtonElement).disabled &&
        check.getAttribute("aria-disabled") !== "true" &&
        document.querySelector("#root [data-rendering]") === null
      );
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
}

/** Clicks 校验整个工作簿 and waits until every card is listed. */
export async function validateAll(page: Page): Promise<void> {
  await validateButton(page).click();
  await waitIdle(page);
  await page.locator("#root [data-summary]").waitFor();
}

/** The pane's error bar, if one shows: a test that expects success prints it on failure. */
export async function paneError(page: Page): Promise<string | null> {
  const bar = page.locator("#root [data-error]");
  return (await bar.count()) > 0 ? await bar.first().textContent() : null;
}

/** The pane's notice ("已标记 3 个单元格。"), after waiting for the action to finish. */
export async function noticeAfter(page: Page, action: () => Promise<void>): Promise<string> {
  await action();
  await waitIdle(page);
  const notice = page.locator("#root [data-notice]");
  expect(await notice.count(), (await paneError(page)) ?? "no notice").toBe(1);
  return (await notice.textContent()) ?? "";
}

/**
 * Every finding the pane lists: data-rule, data-severity, data-cell and the full message (a long
 * message is shortened on screen; a selectable row's aria-label carries it whole).
 */
export function listedFindings(page: Page): Promise<ListedFinding[]> {
  return page.evaluate(() => {
    const labels: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };
    return [...document.querySelectorAll<HTMLElement>("#root li[data-rule]")].map((li) => {
      const rule = li.dataset.rule ?? "";
      const severity = li.dataset.severity ?? "";
      const cell = li.dataset.cell ?? "";
      const aria = li.getAttribute("aria-label");
      const head = `${labels[severity]} ${cell}：`;
      const tail = "（按 Enter 选中该单元格）";
      let message: string;
      if (aria !== null && aria.startsWith(head) && aria.endsWith(tail)) {
        message = aria.slice(head.length, aria.length - tail.length);
      } else {
        const shown = li.querySelector("[data-message]");
        // A shortened message without an aria-label cannot be read whole: say so in the result.
        message = shown?.querySelector("[data-long-text]")
          ? "(shortened)"
          : (shown?.textContent ?? "");
      }
      return { rule, severity, cell, message };
    });
  });
}

/** The simulator's selection as "工作表!A1" (its active cell), or "" when nothing is selected. */
export function simSelection(page: Page, host: SimHost): Promise<string> {
  return page.evaluate((name) => {
    interface Model {
      selection?: { sheetId: string; rect: { top: number; left: number } };
      sheetById(id: string): { name: string } | undefined;
    }
    const sim = (window as unknown as Record<string, { model: Model }>)[name];
    const selection = sim.model.selection;
    if (!selection) return "";
    let col = selection.rect.left;
    let letters = "";
    while (col > 0) {
      const rest = (col - 1) % 26;
      letters = String.fromCharCode(65 + rest) + letters;
      col = Math.floor((col - 1) / 26);
    }
    const sheet = sim.model.sheetById(selection.sheetId)?.name ?? "?";
    return `${sheet}!${letters}${selection.rect.top}`;
  }, host.global);
}

/** A cell's shown text in the simulator ("" for an empty cell). */
export function simCellText(page: Page, host: SimHost, address: string): Promise<string> {
  return page.evaluate(
    ([name, where]) => {
      interface Model {
        sheetByKey(key: string): unknown;
        cellView(sheet: unknown, row: number, col: number): { text: string };
      }
      const sim = (window as unknown as Record<string, { model: Model }>)[name];
      const bang = where.lastIndexOf("!");
      const sheet = sim.model.sheetByKey(where.slice(0, bang));
      const match = /^([A-Z]+)(\d+)$/.exec(where.slice(bang + 1))!;
      const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return sim.model.cellView(sheet, Number(match[2]), col).text;
    },
    [host.global, address] as const,
  );
}

/** The workbook as the page's 下载工作簿 saves it. */
export async function downloadWorkbook(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const file = await download.path();
  expect(file).toBeTruthy();
  const { readFileSync } = await import("node:fs");
  return readFileSync(file);
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** What a cell shows besides its value: fill and note, normalised so equal looks compare equal. */
export interface CellLook {
  fill: string;
  note: string | null;
}

function fillKey(fill: ExcelJS.Fill | undefined): string {
  if (fill === undefined) return "none";
  if (fill.type === "pattern") {
    if (!fill.pattern || fill.pattern === "none") return "none";
    return JSON.stringify([fill.pattern, fill.fgColor ?? null, fill.bgColor ?? null]);
  }
  return JSON.stringify(fill);
}

function noteText(note: ExcelJS.Cell["note"]): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** Fill and note of every cell of every sheet but the mark ledger, by "工作表!A1". */
export function cellLooks(workbook: ExcelJS.Workbook): Map<string, CellLook> {
  const looks = new Map<string, CellLook>();
  for (const ws of workbook.worksheets) {
    if (ws.name === LEDGER_SHEET) continue;
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const look = { fill: fillKey(cell.fill), note: noteText(cell.note) };
        if (look.fill !== "none" || look.note !== null)
          looks.set(`${ws.name}!${cell.address}`, look);
      });
    });
  }
  return looks;
}

/** Sorted entries, so toEqual shows the cells that differ. */
export function looksList(looks: Map<string, CellLook>): Array<[string, CellLook]> {
  return [...looks.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Requests of the pages that left the origin, and whether office.js was ever asked for. */
export function offOrigin(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !isLocal(url, origin));
}

/** Prints how long a step took (never asserted: the machine is shared). */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    console.log(`[taskpane e2e] ${label}: ${Math.round(performance.now() - start)} ms`);
  }
}
