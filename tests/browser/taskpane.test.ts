/**
 * The task pane opened in a plain browser (no Office): it renders in Chinese, office.js comes from
 * the add-in's own server, nothing is requested elsewhere, and the console stays clean.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
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

/**
 * office.js says this (as a console log) whenever it runs outside an Office client: expected here.
 * Anything else at warning or error level is a defect of the page.
 */
const EXPECTED_OUTSIDE_OFFICE = /Office\.js is loaded outside of Office client/;

describe.skipIf(skip !== undefined)("task pane in a plain browser", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveDirectory(WEB_DIST);
    browser = await launchBrowser();
    browser.context.on("request", (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    page.on("console", (message) => {
      const level = message.type();
      if (
        (level === "error" || level === "warning") &&
        !EXPECTED_OUTSIDE_OFFICE.test(message.text())
      ) {
        problems.push(`${level}: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(`${server.origin}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the Chinese title and says it is outside Excel or WPS", async () => {
    await expect(page.locator("h1").textContent()).resolves.toBe("绩效自评助手");
    await page.getByText("未检测到 Excel 或 WPS").waitFor();
    expect(await page.title()).toBe("绩效自评助手");
  });

  it("loads office.js from its own server", () => {
    expect(requests).toContain(`${server.origin}/office-js/office.js`);
    expect(server.served).toContain("/office-js/office.js");
  });

  it("makes no request off the machine, even office.js's delayed telemetry frame", async () => {
    // office.js adds a hidden logging iframe three seconds after loading (webpack.config.js points
    // it at about:blank); wait until it exists so its request, if any, has been made.
    const frame = page.locator("head iframe");
    await frame.waitFor({ state: "attached", timeout: 60_000 });
    expect(await frame.getAttribute("src")).toBe("about:blank");
    const external = requests.filter((url) => !isLocal(url, server.origin));
    expect(external).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
  });

  it("logs no error or warning besides office.js's outside-Office notice", () => {
    expect(problems).toEqual([]);
  });
});
