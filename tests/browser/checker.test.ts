/**
 * The no-install web checker in headless Chromium: the same findings and JSON as `perf-eval check`
 * for the same file and profile, one-line reasons for unreadable files, the embedded sample, and no
 * request off the page's own server.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
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
  return JSON.parse(run.stdout) as {
    files: Array<{ file: string; forms: unknown[]; findings: Array<{ message: string }> }>;
  };
}

describe.skipIf(skip !== undefined)("web checker page", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let page: Page;
  let scratch: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-web-"));
    server = await serveDirectory(WEB_DIST);
    browser = await launchBrowser();
    browser.context.on("request", (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(`${server.origin}/checker.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const summary = () => page.getByTestId("summary");
  const form = (project: string) => page.locator(`li[data-project="${project}"]`);
  /** Waits for the run started by `action` to be shown (the summary is replaced on each run). */
  async function runAndWait(action: () => Promise<void>, expectedText: RegExp) {
    await action();
    await expect
      .poll(async () => ((await summary().count()) ? await summary().textContent() : ""), {
        timeout: 60_000,
      })
      .toMatch(expectedText);
  }

  it("shows the Chinese title and a profile choice with the three built-in profiles", async () => {
    await expect(page.locator("h1").textContent()).resolves.toBe(
      "绩效自评表在线检查（本机运行，文件不会上传）",
    );
    const options = await page.locator("select option").allTextContents();
    expect(options).toHaveLength(3);
    expect(options[0]).toContain("全国通用");
    expect(options[1]).toContain("上海");
    expect(options[2]).toContain("一体化平台");
  });

  it("lists the 30 Shanghai forms with the low execution rate warning for 公务员管理", async () => {
    await runAndWait(
      () => page.locator('input[type="file"]').setInputFiles(SHANGHAI),
      /共检查 1 个文件、30 张表/,
    );
    expect(await page.locator("li[data-project]").count()).toBe(30);
    // Seed 003: 公务员管理 spent 115.43 of 187.40 (61.59…%), below 90%.
    const low = form("公务员管理").locator('li[data-rule="exec-rate-low"]');
    await expect(low.getAttribute("data-severity")).resolves.toBe("warning");
    expect(await low.textContent()).toContain("警告");
    expect(await low.textContent()).toContain("项目支出绩效自评!G72");
    expect(await form("公务员管理").locator('[data-fact="rate"]').textContent()).toBe(
      "执行率 61.60%",
    );
  });

  it("shows 公务员管理's 执行率 as the chosen profile prints it (Shanghai truncates)", async () => {
    await runAndWait(() => page.locator("select").selectOption("shanghai").then(), /上海/);
    expect(await form("公务员管理").locator('[data-fact="rate"]').textContent()).toBe(
      "执行率 61.59%",
    );
    await runAndWait(() => page.locator("select").selectOption("national").then(), /全国通用/);
    expect(await form("公务员管理").locator('[data-fact="rate"]').textContent()).toBe(
      "执行率 61.60%",
    );
  });

  it("downloads the same JSON as perf-eval check --json for the same file and profile", async () => {
    await runAndWait(() => page.locator("select").selectOption("shanghai").then(), /上海/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 JSON" }).click(),
    ]);
    const saved = path.join(scratch, download.suggestedFilename());
    await download.saveAs(saved);
    const fromPage = JSON.parse(fs.readFileSync(saved, "utf8"));
    const fromCli = cliJson([SHANGHAI], "shanghai");
    expect(fromPage.files).toHaveLength(1);
    expect(fromPage.files[0].file).toBe("shanghai.xlsx");
    const withoutFile = (doc: { files: Array<Record<string, unknown>> }) =>
      doc.files.map(({ file: _file, ...rest }) => rest);
    expect(withoutFile(fromPage)).toEqual(withoutFile(fromCli));
    expect(fromPage.files[0].forms).toHaveLength(30);
  });

  it("gives unreadable files the command line's one-line Chinese reason and checks the others", async () => {
    const corrupt = path.join(scratch, "损坏的表.xlsx");
    // A zip signature with nothing valid after it: looks like .xlsx, cannot be opened.
    fs.writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    const oldXls = path.join(scratch, "旧表.xls");
    fs.writeFileSync(
      oldXls,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
    );
    await page.locator("select").selectOption("national");
    await runAndWait(
      () => page.locator('input[type="file"]').setInputFiles([corrupt, oldXls, SHANGHAI]),
      /共检查 3 个文件、30 张表/,
    );
    const cli = cliJson([corrupt, oldXls], "national");
    for (const [index, name] of ["损坏的表.xlsx", "旧表.xls"].entries()) {
      const reason = cli.files[index].findings[0].message;
      expect(reason).toMatch(/^“.+”：.+后再检查$/);
      const card = page.locator(`[data-file="${name}"]`);
      expect(await card.locator("[data-reason]").textContent()).toBe(reason);
    }
    expect(await page.locator(`[data-file="旧表.xls"]`).textContent()).toContain("旧版 .xls");
    expect(await page.locator(`[data-file="shanghai.xlsx"] li[data-project]`).count()).toBe(30);
  });

  it("checks several workbooks dropped on the drop zone at once", async () => {
    const dropped = [
      { name: "第一份.xlsx", base64: fs.readFileSync(SHANGHAI).toString("base64") },
      { name: "第二份.xlsx", base64: fs.readFileSync(SHANGHAI).toString("base64") },
    ];
    await runAndWait(
      () =>
        page.getByTestId("drop-zone").evaluate((zone, files) => {
          const transfer = new DataTransfer();
          for (const file of files) {
            const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
            transfer.items.add(new File([bytes], file.name));
          }
          zone.dispatchEvent(
            new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }, dropped),
      /共检查 2 个文件、60 张表/,
    );
    for (const { name } of dropped) {
      expect(await page.locator(`[data-file="${name}"] li[data-project]`).count()).toBe(30);
    }
  });

  it("checks the sample workbook built into the page", async () => {
    const fromCli = cliJson([SAMPLE], "national");
    await runAndWait(
      () => page.getByRole("button", { name: "用示例工作簿试一试" }).click(),
      new RegExp(`共检查 1 个文件、${fromCli.files[0].forms.length} 张表`),
    );
    const card = page.locator('[data-file="示例-北京丰台2023.xlsx"]');
    expect(await card.locator("li[data-project]").count()).toBe(fromCli.files[0].forms.length);
    expect(await card.locator('li[data-severity="error"]').count()).toBeGreaterThan(0);
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      await page.screenshot({ path: path.join(ROOT, "docs", "web-checker.png") });
    }
  });

  it("requested nothing off its own server and logged no error", () => {
    expect(requests).toContain(`${server.origin}/checker.js`);
    expect(requests.some((url) => url.includes("/samples/"))).toBe(true);
    expect(requests.filter((url) => !isLocal(url, server.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
