/**
 * The web checker opened straight from disk (file://, no web server): a reviewer can double-click
 * dist/web/checker.html and still check workbooks; only the embedded sample needs a server, and
 * the page says so in Chinese.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  launchBrowser,
  WEB_DIST,
  type BrowserSession,
} from "../support/browser";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const SHANGHAI = path.resolve(__dirname, "..", "fixtures", "shanghai.xlsx");

describe.skipIf(skip !== undefined)("web checker opened from disk", () => {
  let browser: BrowserSession;
  const offDisk: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    browser.context.on("request", (request) => {
      if (!/^(file|data|blob):/.test(request.url())) offDisk.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("checks a picked workbook, explains the sample needs a server, fetches nothing else", async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(WEB_DIST, "checker.html")).href);
    await page.locator('input[type="file"]').setInputFiles(SHANGHAI);
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("summary").textContent()).toMatch(/共检查 1 个文件、30 张表/);
    await page.getByRole("button", { name: "用示例工作簿试一试" }).click();
    await page.getByText("无法载入示例工作簿").first().waitFor();
    expect(await page.getByText("请通过网页服务器打开本页").count()).toBeGreaterThan(0);
    expect(offDisk).toEqual([]);
  });
});
