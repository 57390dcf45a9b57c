/**
 * The web checker reads in a Web Worker (issue 10, item 4): the page's own script is small and
 * paints first; the reader is requested by the worker, after the first paint; the page answers
 * clicks while 50 workbooks are read, with a progress bar; 下载汇总表 gives the summary workbook,
 * written in the worker. Timings are printed, never asserted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  isLocal,
  launchBrowser,
  serveDirectory,
  WEB_DIST,
  type BrowserSession,
  type StaticServer,
} from "../support/browser";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "示例-北京丰台2023.xlsx");
const FILES = 50;
const INITIAL_JS_BUDGET = 300 * 1024;

/** Script URLs a context (page or worker) has fetched, from its own resource timing entries. */
interface Script {
  name: string;
  /** When it was requested (ms since the epoch, comparable across page and worker). */
  start: number;
}

const scriptsOf = (context: Page | Worker): Promise<Script[]> =>
  (context as Page).evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => ({ name: entry.name, start: performance.timeOrigin + entry.startTime }))
      .filter((entry) => new URL(entry.name).pathname.endsWith(".js")),
  );

describe.skipIf(skip !== undefined)("web checker's worker", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let page: Page;
  let worker: Worker;
  let scratch: string;
  const inputs: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-web-worker-"));
    for (let i = 1; i <= FILES; i++) {
      const file = path.join(scratch, `第${String(i).padStart(2, "0")}份.xlsx`);
      fs.copyFileSync(SAMPLE, file);
      inputs.push(file);
    }
    server = await serveDirectory(WEB_DIST);
    browser = await launchBrowser();
    browser.context.on("request", (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("paints first; the reader is requested by the worker afterwards, not by the page", async () => {
    const started = page.waitForEvent("worker");
    const navigation = Date.now();
    await page.goto(`${server.origin}/checker.html`);
    await page.locator("h1").waitFor();
    const rendered = Date.now() - navigation;
    worker = await started;
    // The worker loads the reader once the page has painted (a warm-up, before any file).
    await expect
      .poll(async () => (await scriptsOf(worker)).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    const paint = await page.evaluate(() => {
      const entry = performance.getEntriesByName("first-contentful-paint")[0];
      return entry ? performance.timeOrigin + entry.startTime : null;
    });
    const pageScripts = await scriptsOf(page);
    const workerScripts = await scriptsOf(worker);
    const pageNames = pageScripts.map((s) => s.name);

    // The reader's chunks come through the worker; the page never requests them.
    for (const chunk of workerScripts) expect(pageNames).not.toContain(chunk.name);
    expect(pageNames).toContain(worker.url());

    // Initial JavaScript: what checker.html itself loads, gzipped.
    const html = fs.readFileSync(path.join(WEB_DIST, "checker.html"), "utf8");
    const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce(
      (sum, src) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIST, src))).length,
      0,
    );
    const readerBytes = workerScripts.reduce(
      (sum, s) =>
        sum + gzipSync(fs.readFileSync(path.join(WEB_DIST, new URL(s.name).pathname))).length,
      0,
    );
    const readerStart = Math.min(...workerScripts.map((s) => s.start));
    console.log(
      `checker.html：首次渲染 ${rendered} ms（first-contentful-paint ` +
        `${paint === null ? "无" : `${Math.round(paint - (await page.evaluate(() => performance.timeOrigin)))} ms`}）；` +
        `初始 JavaScript ${initial.join("、")} 共 ${(gzipped / 1024).toFixed(1)} KB（gzip）；` +
        `工作线程载入读取程序 ${workerScripts.length} 个文件 ${(readerBytes / 1024).toFixed(1)} KB（gzip），` +
        `首次绘制后 ${paint === null ? "?" : Math.round(readerStart - paint)} ms 开始`,
    );
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    expect(paint).not.toBeNull();
    expect(readerStart).toBeGreaterThan(paint!);
  });

  it(`answers clicks while ${FILES} workbooks are read, with a progress bar`, async () => {
    await page.evaluate(() => {
      const clicks: Array<{ reading: boolean }> = [];
      Object.assign(window, { clicks });
      document.querySelector("h1")!.addEventListener("click", () => {
        clicks.push({ reading: document.querySelector('[role="progressbar"]') !== null });
      });
    });
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(inputs);
    await page.locator('[role="progressbar"]').waitFor({ timeout: 60_000 });
    const latencies: number[] = [];
    const values: number[] = [];
    while (latencies.length < 20 && (await page.locator('[role="progressbar"]').count()) > 0) {
      const before = Date.now();
      await page.locator("h1").click({ timeout: 60_000 });
      latencies.push(Date.now() - before);
      const value = await page
        .locator('[role="progressbar"]')
        .getAttribute("aria-valuenow", { timeout: 1_000 })
        .catch(() => null);
      if (value !== null) values.push(Number(value));
    }
    // While the results are rendered (hundreds of form cards): clicks still answered, timed too.
    const shown = () =>
      page.evaluate(
        (count) =>
          new RegExp(`共检查 ${count} 个文件`).test(
            document.querySelector('[data-testid="summary"]')?.textContent ?? "",
          ),
        FILES,
      );
    const rendering: number[] = [];
    while (rendering.length < 10 && !(await shown())) {
      const before = Date.now();
      await page.locator("h1").click({ timeout: 60_000 });
      rendering.push(Date.now() - before);
    }
    await page.waitForFunction(
      (count) =>
        new RegExp(`共检查 ${count} 个文件`).test(
          document.querySelector('[data-testid="summary"]')?.textContent ?? "",
        ),
      FILES,
      { polling: 100, timeout: 300_000 },
    );
    const total = Date.now() - started;
    const clicks = await page.evaluate(
      () => (window as unknown as { clicks: Array<{ reading: boolean }> }).clicks,
    );
    console.log(
      `读取 ${FILES} 个工作簿：共 ${total} ms；其间点击 ${latencies.length} 次，` +
        `响应 ${latencies.join("、")} ms；显示结果时点击响应 ${rendering.length ? `${rendering.join("、")} ms` : "（无需等待）"}；进度条 ${values.map((v) => v.toFixed(2)).join(" → ")}`,
    );
    // Clicks were answered by the page while the worker was still reading.
    expect(clicks.filter((click) => click.reading).length).toBeGreaterThan(0);
    expect(values.length).toBeGreaterThan(0);
    for (const [i, value] of values.entries()) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      if (i > 0) expect(value).toBeGreaterThanOrEqual(values[i - 1]);
    }
    expect(await page.locator("[data-file]").count()).toBe(FILES);
  });

  it("下载汇总表: the summary workbook, written in the worker from the grids it kept", async () => {
    const pageBefore = (await scriptsOf(page)).map((s) => s.name);
    const workerBefore = (await scriptsOf(worker)).map((s) => s.name);
    const clicked = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "下载汇总表" }).click(),
    ]);
    const took = Date.now() - clicked;
    expect(download.suggestedFilename()).toBe("绩效自评检查汇总.xlsx");
    const saved = path.join(scratch, "汇总.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["表格汇总", "问题清单"]);
    const forms = workbook.worksheets[0];
    const perFile = await page.locator("[data-file]").first().locator("li[data-project]").count();
    expect(forms.rowCount).toBe(1 + FILES * perFile);
    expect(forms.getRow(2).getCell(1).value).toEqual({
      text: "第01份.xlsx",
      hyperlink: "第01份.xlsx",
    });
    expect(forms.getRow(2).getCell(4).value).toBe("中共北京市丰台区委组织部");
    // The writer came as a chunk of the worker's; the page requested no script for it.
    const newInWorker = (await scriptsOf(worker))
      .map((s) => s.name)
      .filter((name) => !workerBefore.includes(name));
    expect(newInWorker.length).toBeGreaterThan(0);
    const writerBytes = newInWorker.reduce(
      (sum, name) =>
        sum + gzipSync(fs.readFileSync(path.join(WEB_DIST, new URL(name).pathname))).length,
      0,
    );
    console.log(
      `下载汇总表（${FILES} 个文件、${forms.rowCount - 1} 行）：${took} ms，` +
        `其中首次载入写入程序 ${(writerBytes / 1024).toFixed(1)} KB（gzip）`,
    );
    expect((await scriptsOf(page)).map((s) => s.name)).toEqual(pageBefore);
  });

  it("its CSP lets workers come from its own server only; nothing was requested elsewhere", async () => {
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toMatch(/https?:|\*/);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !isLocal(url, server.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
