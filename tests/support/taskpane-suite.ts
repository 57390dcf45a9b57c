/**
 * The task pane's end-to-end suite on one simulator page (issue 7 "How it is tested", issue 8
 * "Tests"): the real built taskpane.js in headless Chromium on the seed fixture workbooks. The same
 * findings as `perf-eval check --json`, a click selects the cell, 标记 / 清除 through saved .xlsx
 * files (also across hosts), 插入模板, a quick fix, no request off the origin, a 320 px pane.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFindings, checkWorkbook } from "../../src/core/file-report";
import type { Finding, Severity } from "../../src/core/findings";
import { national } from "../../src/core/profiles";
import { TEMPLATE_KINDS, templateSpec } from "../../src/core/templates";
import { composeNote, LEDGER_SHEET, planMarks } from "../../src/hosts/marks/ledger";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { renderTemplate } from "../../src/hosts/xlsx/template";
import { UNDO_CLEARED_SENTENCE } from "../../src/taskpane/messages";
import { QUICK_FIX_RULES } from "../../src/ui/quick-fix";
import {
  launchBrowser,
  serveDirectory,
  WEB_DIST,
  type BrowserSession,
  type StaticServer,
} from "./browser";
import {
  cellLooks,
  cliFindings,
  downloadWorkbook,
  e2eSkipReason,
  FIXTURES,
  listedFindings,
  listedForms,
  loadWorkbook,
  looksList,
  multiset,
  noticeAfter,
  offOrigin,
  openPane,
  paneButton,
  paneError,
  simCellText,
  simSelection,
  timed,
  validateAll,
  waitIdle,
  type CliReport,
  type ListedFinding,
  type PanePage,
  type SimHost,
} from "./taskpane-e2e";

const FIXTURE_FILES = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".xlsx"))
  .sort();

/**
 * The fixture with quick-fixable findings of both kinds: a wrong printed figure
 * (golden/beijing.json: total-mismatch on H23) and numbers typed as text (number-as-text).
 */
const FIX_FIXTURE = "beijing.xlsx";

function asFinding(listed: ListedFinding): Finding {
  const bang = listed.cell.lastIndexOf("!");
  return {
    rule: listed.rule,
    severity: listed.severity as Severity,
    sheet: bang < 0 ? "" : listed.cell.slice(0, bang),
    cell: bang < 0 ? "" : listed.cell.slice(bang + 1),
    message: listed.message,
  } as Finding;
}

/**
 * Defines the suite for `host`; `other` is the simulator the cross-host round trip marks in (so each
 * direction is covered by one of the two test files).
 */
export function taskPaneSuite(host: SimHost, other: SimHost): void {
  const skip = e2eSkipReason([host, other]);
  if (skip) console.warn(skip);

  describe.skipIf(skip !== undefined)(`task pane end to end on ${host.page}`, () => {
    let server: StaticServer;
    let browser: BrowserSession;
    let scratch: string;
    let expected: Map<string, CliReport>;
    const pages: PanePage[] = [];

    beforeAll(async () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-pane-e2e-"));
      server = await serveDirectory(WEB_DIST, { "/fixtures/": FIXTURES, "/scratch/": scratch });
      browser = await launchBrowser();
      expected = await timed("perf-eval check's engine on the fixtures", () =>
        cliFindings(FIXTURE_FILES.map((name) => path.join(FIXTURES, name))),
      );
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    async function open(target: SimHost, workbookPath: string): Promise<PanePage> {
      const opened = await timed(`open ${target.page} on ${workbookPath}`, () =>
        openPane(browser.context, server.origin, target, workbookPath),
      );
      pages.push(opened);
      return opened;
    }

    /** Saves bytes where the pages can open them (same origin) and returns their path. */
    function publish(name: string, bytes: Uint8Array): string {
      fs.writeFileSync(path.join(scratch, name), bytes);
      return `/scratch/${encodeURIComponent(name)}`;
    }

    const fixtureFile = (name: string) => path.join(FIXTURES, name);

    for (const name of FIXTURE_FILES) {
      it(`校验整个工作簿 on ${name} lists exactly what perf-eval check --json finds`, async () => {
        const { page } = await open(host, `/fixtures/${name}`);
        await timed(`${host.label}: 校验整个工作簿 on ${name}`, () => validateAll(page));
        expect(await paneError(page)).toBeNull();
        const listed = await listedFindings(page);
        const cli = expected.get(fixtureFile(name))!;
        expect(multiset(listed)).toEqual(multiset(cli.findings));
        expect(await listedForms(page)).toBe(cli.forms);
        await page.close();
      });
    }

    it("selects a finding's cell in the simulated workbook when the finding is clicked", async () => {
      const { page } = await open(host, `/fixtures/${FIX_FIXTURE}`);
      await validateAll(page);
      const rows = page.locator("#root li[data-rule][data-cell]:not([data-cell=''])");
      const count = await rows.count();
      expect(count).toBeGreaterThan(2);
      // The first, one in the middle and the last: different forms, usually different sheets.
      const picked = [...new Set([0, Math.floor(count / 2), count - 1])];
      const sheets = new Set<string>();
      for (const index of picked) {
        const row = rows.nth(index);
        const cell = (await row.getAttribute("data-cell"))!;
        sheets.add(cell.slice(0, cell.lastIndexOf("!")));
        await row.click();
        await expect.poll(() => simSelection(page, host), { timeout: 30_000 }).toBe(cell);
      }
      expect(sheets.size).toBeGreaterThan(1);
      // The page's grid follows: the selected cell is highlighted on the active sheet's tab.
      const last = (await rows.nth(count - 1).getAttribute("data-cell"))!;
      await expect.poll(() => page.locator("td.selected").getAttribute("data-cell")).toBe(last);
      await page.close();
    });

    /** Marks every finding of `name` in `marker`'s page and returns the saved bytes. */
    async function markAndSave(marker: SimHost, name: string): Promise<Buffer> {
      const { page } = await open(marker, `/fixtures/${name}`);
      await validateAll(page);
      const findings = await listedFindings(page);
      const cells = planMarks(findings.map(asFinding));
      const notice = await timed(`${marker.label}: 标记问题单元格 on ${name}`, () =>
        noticeAfter(page, () => paneButton(page, "标记问题单元格").click()),
      );
      // The fixtures have no ledger yet: creating it empties Excel's undo history, and the pane
      // says so; WPS is not known to clear undo, so its notice is the count alone.
      const undo = marker.global === "excelSim" ? UNDO_CLEARED_SENTENCE : "";
      expect(notice).toBe(`已标记 ${cells.length} 个单元格。${undo}`);
      const saved = await downloadWorkbook(page);
      await page.close();
      return saved;
    }

    /** Opens saved bytes in `clearer`'s page, clicks 清除标记 and returns the saved result. */
    async function clearSaved(clearer: SimHost, name: string, bytes: Uint8Array, cells: number) {
      const { page } = await open(clearer, publish(name, bytes));
      const notice = await timed(`${clearer.label}: 清除标记`, () =>
        noticeAfter(page, () => paneButton(page, "清除标记").click()),
      );
      expect(notice).toBe(`已恢复 ${cells} 个单元格。`);
      const cleared = await downloadWorkbook(page);
      await page.close();
      return cleared;
    }

    it("标记问题单元格 saves fills, notes and the very hidden ledger; 清除标记 on the reopened file restores every cell", async () => {
      const name = FIX_FIXTURE;
      const original = await loadWorkbook(fs.readFileSync(fixtureFile(name)));
      const before = cellLooks(original);
      const plan = planMarks(expected.get(fixtureFile(name))!.findings.map(asFinding));
      expect(plan.length).toBeGreaterThan(5);

      const marked = await markAndSave(host, name);
      const markedBook = await loadWorkbook(marked);
      expect(markedBook.getWorksheet(LEDGER_SHEET)?.state).toBe("veryHidden");
      const after = cellLooks(markedBook);
      const want = new Map(before);
      for (const mark of plan) {
        const key = `${mark.sheet}!${mark.cell}`;
        want.set(key, {
          fill: JSON.stringify(["solid", { argb: `FF${mark.color}` }, null]),
          note: composeNote(before.get(key)?.note ?? null, mark.text),
        });
      }
      // Compare fills loosely on the colour (hosts may write bgColor too), notes exactly.
      const colourOf = (fill: string) =>
        fill === "none" ? "none" : /"argb":"(\w+)"/.exec(fill)?.[1];
      const shape = (looks: Map<string, { fill: string; note: string | null }>) =>
        looksList(looks).map(([key, look]) => [key, colourOf(look.fill), look.note]);
      expect(shape(after)).toEqual(shape(want));

      const cleared = await clearSaved(host, `已标记-${name}`, marked, plan.length);
      expect(looksList(cellLooks(await loadWorkbook(cleared)))).toEqual(looksList(before));
    });

    it(`cross-host: marked on ${other.page}, saved, cleared on ${host.page}: identical to the original`, async () => {
      const name = FIX_FIXTURE;
      const before = cellLooks(await loadWorkbook(fs.readFileSync(fixtureFile(name))));
      const plan = planMarks(expected.get(fixtureFile(name))!.findings.map(asFinding));
      const marked = await markAndSave(other, name);
      expect(looksList(cellLooks(await loadWorkbook(marked)))).not.toEqual(looksList(before));
      const cleared = await clearSaved(host, `${other.label}-已标记-${name}`, marked, plan.length);
      expect(looksList(cellLooks(await loadWorkbook(cleared)))).toEqual(looksList(before));
    });

    it("插入模板 adds sheets the validator reads as perf-eval's own blank templates", async () => {
      const { page } = await open(host, `/fixtures/offset.xlsx`);
      const options = { year: 2025, unit: "某区财政局" };
      const inserted: string[] = [];
      const form = page.locator("#root form");
      for (const kind of TEMPLATE_KINDS) {
        await form.locator("select").selectOption(kind);
        await form.getByLabel("年度").fill(String(options.year));
        await form.getByLabel("单位名称（可不填）").fill(options.unit);
        const notice = await timed(`${host.label}: 插入模板 ${kind}`, () =>
          noticeAfter(page, () => form.locator("button[type=submit]").click()),
        );
        const sheet = /新工作表“(.+)”/.exec(notice)?.[1] ?? "";
        // Never overwrites: a name taken by an earlier template gets " (2)".
        const base = templateSpec(kind, options).sheetName;
        expect([base, `${base} (2)`], notice).toContain(sheet);
        expect(inserted).not.toContain(sheet);
        inserted.push(sheet!);
      }
      const saved = await readXlsxBuffer(await downloadWorkbook(page));
      expect(saved.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(inserted));
      for (const [index, kind] of TEMPLATE_KINDS.entries()) {
        const only = { sheets: saved.sheets.filter((s) => s.name === inserted[index]) };
        const viaPane = checkWorkbook("pane", only, national);
        const reference = new (await import("exceljs")).default.Workbook();
        await renderTemplate(reference, templateSpec(kind, options));
        const viaCli = checkWorkbook(
          "cli",
          await readXlsxBuffer(new Uint8Array(await reference.xlsx.writeBuffer())),
          national,
        );
        // One blank form per project template; the department 评分表 reads as perf-eval's own.
        if (kind !== "department") expect(viaPane.forms).toHaveLength(1);
        expect(viaPane.forms).toHaveLength(viaCli.forms.length);
        expect(viaPane.forms.map((f) => f.range)).toEqual(viaCli.forms.map((f) => f.range));
        expect(viaPane.forms.map((f) => f.projectName)).toEqual(
          viaCli.forms.map((f) => f.projectName),
        );
        if (kind !== "department") expect(viaPane.forms[0].projectName).toBe("");
        expect(allFindings(viaPane).map((f) => [f.rule, f.cell, f.message])).toEqual(
          allFindings(viaCli).map((f) => [f.rule, f.cell, f.message]),
        );
      }
      await page.close();
    });

    it("a quick fix (改为 “…”) writes the value and its finding disappears", async () => {
      const { page } = await open(host, `/fixtures/${FIX_FIXTURE}`);
      await validateAll(page);
      // One fix of each kind: a printed figure recomputed, and a number typed as text written
      // as a number (with a format that shows the same text).
      const kinds = [
        '#root li[data-rule]:not([data-rule="number-as-text"])',
        '#root li[data-rule="number-as-text"]',
      ];
      const fixed: { rule: string; cell: string }[] = [];
      for (const rows of kinds) {
        const fixable = page.locator(rows, { has: page.locator("button[data-fix]") });
        expect(await fixable.count()).toBeGreaterThan(0);
        const row = fixable.first();
        const rule = (await row.getAttribute("data-rule"))!;
        const cell = (await row.getAttribute("data-cell"))!;
        expect(QUICK_FIX_RULES).toContain(rule);
        const button = row.locator("button[data-fix]");
        const shown = /改为 “(.+)”/.exec((await button.textContent()) ?? "")?.[1];
        expect(shown).toBeTruthy();
        const notice = await timed(`${host.label}: ${rule} 改为 “${shown}”`, () =>
          noticeAfter(page, () => button.click()),
        );
        expect(notice).toContain(`已将 ${cell} 改为 “${shown}”`);
        expect(await simCellText(page, host, cell)).toBe(shown);
        const same = (f: ListedFinding) => f.rule === rule && f.cell === cell;
        expect((await listedFindings(page)).filter(same)).toEqual([]);
        fixed.push({ rule, cell });
      }
      // A full re-check lists what the command line finds in the saved, fixed workbook.
      await validateAll(page);
      const listed = await listedFindings(page);
      for (const { rule, cell } of fixed) {
        expect(listed.filter((f) => f.rule === rule && f.cell === cell)).toEqual([]);
      }
      const fixedPath = path.join(scratch, `已修正-${FIX_FIXTURE}`);
      fs.writeFileSync(fixedPath, await downloadWorkbook(page));
      expect(multiset(listed)).toEqual(
        multiset((await cliFindings([fixedPath])).get(fixedPath)!.findings),
      );
      expect(listed.length).toBe(expected.get(fixtureFile(FIX_FIXTURE))!.findings.length - 2);
      await page.close();
    });

    it("fits a 320 px pane without horizontal scrolling, findings listed", async () => {
      const { page } = await open(host, `/fixtures/${FIX_FIXTURE}`);
      await validateAll(page);
      await page.evaluate(() => {
        (document.getElementById("pane") as HTMLElement).style.width = "320px";
      });
      await waitIdle(page);
      const sizes = await page.evaluate(() => {
        const pane = document.getElementById("pane") as HTMLElement;
        return {
          width: pane.getBoundingClientRect().width,
          scrollWidth: pane.scrollWidth,
          clientWidth: pane.clientWidth,
        };
      });
      expect(sizes.width).toBe(320);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
      await page.close();
    });

    it("requested nothing off its own server, never office.js, and logged no error", () => {
      expect(pages.length).toBeGreaterThan(FIXTURE_FILES.length);
      const requests = pages.flatMap((p) => p.requests);
      expect(requests).toContain(`${server.origin}/taskpane.js`);
      expect(offOrigin(requests, server.origin)).toEqual([]);
      expect(server.served.filter((p) => /office(\.debug)?\.js$/i.test(p))).toEqual([]);
      expect(server.served.some((p) => p.startsWith("/fixtures/"))).toBe(true);
      expect(pages.flatMap((p) => p.errors)).toEqual([]);
    });
  });
}
