/**
 * The web checker under heavy input (issue 11, 12): a few-KB workbook whose cells hold 1.2 million
 * characters is shown shortened with a working 展开全文, and switching the profile re-runs the rules
 * on the workbooks already read instead of reading them again. Timings are printed, not asserted.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longTextWorkbook, type LongTextWorkbook } from "../hosts/web/long-text-workbook";
import {
  browserSkipReason,
  launchBrowser,
  serveDirectory,
  WEB_DIST,
  type BrowserSession,
  type StaticServer,
} from "../support/browser";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const ROOT = path.resolve(__dirname, "..", "..");
const SHANGHAI = path.join(ROOT, "tests", "fixtures", "shanghai.xlsx");
const SAMPLE = path.join(ROOT, "samples", "示例-北京丰台2023.xlsx");

/** `perf-eval check --json` from the built command line, parsed. */
function cliJson(files: string[], profile: string) {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "perf-eval.js"), "check", "--json", "--profile", profile, ...files],
    { encoding: "utf8" },
  );
  expect(run.stdout, run.stderr).not.toBe("");
  return JSON.parse(run.stdout) as { files: Array<Record<string, unknown>> };
}

const withoutFile = (doc: { files: Array<Record<string, unknown>> }) =>
  doc.files.map(({ file: _file, ...rest }) => rest);

describe.skipIf(skip !== undefined)("web checker under heavy input", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let scratch: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-web-"));
    server = await serveDirectory(WEB_DIST);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  /**
   * A fresh checker page that records every file read (Blob.arrayBuffer on a File). Files are read
   * in the checker's worker, so that is where the recording goes (before any file is picked).
   */
  async function openChecker(): Promise<{ page: Page; worker: Worker }> {
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    const started = page.waitForEvent("worker");
    await page.goto(`${server.origin}/checker.html`);
    const worker = await started;
    await worker.evaluate(() => {
      const reads: string[] = [];
      Object.assign(self, { fileReads: reads });
      const original = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        if (this instanceof File) reads.push(this.name);
        return original.call(this);
      };
    });
    return { page, worker };
  }

  const fileReads = (worker: Worker) =>
    worker.evaluate(() => (self as unknown as { fileReads: string[] }).fileReads.slice());

  /** Waits until the summary line matches (it is replaced when a run finishes). */
  async function summaryMatches(page: Page, expected: RegExp) {
    await page.waitForFunction(
      (pattern) =>
        new RegExp(pattern).test(
          document.querySelector('[data-testid="summary"]')?.textContent ?? "",
        ),
      expected.source,
      { polling: 100, timeout: 120_000 },
    );
  }

  async function downloadedJson(page: Page) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 JSON" }).click(),
    ]);
    const saved = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    return JSON.parse(fs.readFileSync(saved, "utf8")) as {
      files: Array<Record<string, unknown> & { forms: Array<Record<string, unknown>> }>;
    };
  }

  describe("a workbook whose cells hold 1.2 million characters", () => {
    let page: Page;
    let hostile: LongTextWorkbook;

    beforeAll(async () => {
      hostile = await longTextWorkbook();
      ({ page } = await openChecker());
      const started = Date.now();
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "长文本.xlsx", mimeType: "application/zip", buffer: hostile.bytes });
      await summaryMatches(page, /共检查 1 个文件、1 张表/);
      console.log(
        `${hostile.bytes.length} 字节、${hostile.totalChars} 字的工作簿：${Date.now() - started} ms 后显示结果`,
      );
    });

    it("keeps the page small: long texts are shown shortened, not laid out whole", async () => {
      expect(hostile.totalChars).toBeGreaterThanOrEqual(1_200_000);
      const shownChars = await page.evaluate(() => document.body.innerText.length);
      console.log(`页面显示 ${shownChars} 字`);
      expect(shownChars).toBeLessThan(20_000);
      const name = page.locator("li[data-project] strong [data-long-text]");
      expect(await name.locator("[data-text-head]").textContent()).toBe(
        `${hostile.projectName.slice(0, 200)}…（共 300,000 字）`,
      );
      // Findings quote the long target and actual, cut to a short excerpt.
      const deviations = page.locator('li[data-rule="deviation-unexplained"]');
      expect(await deviations.count()).toBe(3);
      const first = (await deviations.first().textContent()) ?? "";
      expect(first).toContain(`“${hostile.indicators[0].actual.slice(0, 50)}…”`);
      expect(first.length).toBeLessThan(400);
    });

    it("shows the whole text on demand in a scrolling box, and hides it again", async () => {
      const name = page.locator("li[data-project] strong [data-long-text]");
      const toggle = name.getByRole("button");
      expect(await toggle.textContent()).toBe("展开全文");
      // The click is handled and the whole text painted while the page stays responsive.
      const handledIn = await toggle.evaluate(
        (button: HTMLElement) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            button.click();
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve(performance.now() - start)),
            );
          }),
      );
      console.log(`展开全文：${handledIn.toFixed(0)} ms 后画出`);
      const whole = name.locator("[data-text-whole]");
      expect(await whole.textContent()).toBe(hostile.projectName);
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      expect(await toggle.textContent()).toBe("收起");
      const box = await whole.evaluate((element: HTMLElement) => ({
        overflowY: getComputedStyle(element).overflowY,
        whiteSpace: getComputedStyle(element).whiteSpace,
        clientHeight: element.clientHeight,
        scrollHeight: element.scrollHeight,
        pageHeight: document.documentElement.scrollHeight,
      }));
      expect(box.overflowY).toBe("auto");
      expect(box.whiteSpace).toBe("pre-wrap");
      // The box scrolls; the page does not grow by the 300,000 characters.
      expect(box.scrollHeight).toBeGreaterThan(box.clientHeight);
      expect(box.clientHeight).toBeLessThan(1000);
      expect(box.pageHeight).toBeLessThan(20_000);

      await toggle.click();
      expect(await name.locator("[data-text-whole]").count()).toBe(0);
      expect(await toggle.textContent()).toBe("展开全文");
      expect(await name.locator("[data-text-head]").textContent()).toContain("…（共 300,000 字）");
    });

    it("still downloads the whole texts in the JSON", async () => {
      const json = await downloadedJson(page);
      expect(json.files[0].forms[0].projectName).toBe(hostile.projectName);
      const findings = json.files[0].forms[0].findings as Array<Record<string, string>>;
      const deviation = findings.find((f) => f.rule === "deviation-unexplained");
      expect(deviation?.actual).toBe(hostile.indicators[0].actual);
    });
  });

  it("re-checks with another profile without reading the workbooks again", async () => {
    const { page, worker } = await openChecker();
    await page.locator("select").selectOption("shanghai");
    await page.locator('input[type="file"]').setInputFiles([SHANGHAI, SAMPLE]);
    await summaryMatches(page, /共检查 2 个文件.*上海/);
    expect(await fileReads(worker)).toEqual(["shanghai.xlsx", "示例-北京丰台2023.xlsx"]);
    const civil = page.locator('[data-file="shanghai.xlsx"] li[data-project="公务员管理"]');
    const capExceeded = civil.locator('li[data-rule="exec-cap-exceeded"]');
    expect(await capExceeded.count()).toBe(0);

    // 一体化平台 caps the total by the execution rate: 公务员管理 spent 61.59%, its total is too high.
    const switched = Date.now();
    await page.locator("select").selectOption("capped");
    await summaryMatches(page, /共检查 2 个文件.*一体化平台/);
    console.log(`切换评分方案（2 个工作簿）：${Date.now() - switched} ms`);
    expect(await capExceeded.count()).toBe(1);
    expect(await capExceeded.getAttribute("data-severity")).toBe("error");
    expect(await fileReads(worker)).toHaveLength(2);
    const json = await downloadedJson(page);
    expect(withoutFile(json)).toEqual(withoutFile(cliJson([SHANGHAI, SAMPLE], "capped")));

    await page.locator("select").selectOption("shanghai");
    await summaryMatches(page, /共检查 2 个文件.*上海/);
    expect(await capExceeded.count()).toBe(0);
    expect(await fileReads(worker)).toHaveLength(2);

    // A switch while new files are being read: they are read once, and shown for the new profile.
    await page.locator('input[type="file"]').setInputFiles([SHANGHAI]);
    await page.locator("select").selectOption("capped");
    await summaryMatches(page, /共检查 1 个文件、30 张表.*一体化平台/);
    expect(await capExceeded.count()).toBe(1);
    expect(await fileReads(worker)).toEqual([
      "shanghai.xlsx",
      "示例-北京丰台2023.xlsx",
      "shanghai.xlsx",
    ]);
  });

  it("logged no error", () => {
    expect(pageErrors).toEqual([]);
  });
});
