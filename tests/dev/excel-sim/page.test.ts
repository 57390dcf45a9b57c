// The excel-sim page in Chromium: the real task pane bundle runs on the simulated Excel, a finding
// selects its cell in the grid, and nothing is requested from another origin. Needs the web build
// (`npm run build`), which emits dist/web/excel-sim.html.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  WEB_DIST,
  browserSkipReason,
  isLocal,
  launchBrowser,
  serveDirectory,
  type BrowserSession,
  type StaticServer,
} from "../../support/browser";

const built = existsSync(path.join(WEB_DIST, "excel-sim.html"));
const skip =
  browserSkipReason() ??
  (built || process.env.CI ? undefined : "excel-sim 页面未构建（先运行 npm run build）");

describe.skipIf(skip !== undefined)(`excel-sim page${skip ? `（${skip}）` : ""}`, () => {
  let server: StaticServer;
  let browser: BrowserSession;
  beforeAll(async () => {
    server = await serveDirectory(WEB_DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs the task pane on the simulated sample workbook and selects a finding's cell", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/excel-sim.html`);
    await page.waitForSelector("#tabs button");
    await page.locator("#root button", { hasText: "校验整个工作簿" }).click();
    const finding = page.locator("#root [data-rule][data-cell]").first();
    await finding.waitFor();
    const cell = await finding.getAttribute("data-cell");
    await finding.click();
    await expect.poll(() => page.locator("td.selected").getAttribute("data-cell")).toBe(cell);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !isLocal(url, server.origin))).toEqual([]);
    expect(server.served).not.toContain("/office-js/office.js");
    await page.close();
  });

  it("refuses a workbook from another origin and opens the sample instead", async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/excel-sim.html?workbook=https://example.com/a.xlsx`);
    await page.waitForSelector("#tabs button");
    expect(await page.locator("#status").textContent()).toContain("同一服务器");
    expect(requests.filter((url) => !isLocal(url, server.origin))).toEqual([]);
    await page.close();
  });
});
