/**
 * The WPS add-in's pages (dist/wps from `npm run build`) in a real Chromium, served from one
 * origin: the main page defines the ribbon callbacks and opens the pane inside the package; the
 * pane page (no office.js) renders and reads its command from the hash; nothing is requested
 * anywhere else. WPS itself is a stand-in `wps` object installed before the main page runs.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, isLocal, launchBrowser, type BrowserSession } from "../support/browser";

const WPS_DIST = resolve(__dirname, "../../dist/wps");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** dist/wps on 127.0.0.1, as an intranet web server would serve it; records every path asked for. */
async function serveWps() {
  const served: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    served.push(path);
    const file = join(WPS_DIST, path);
    if (!file.startsWith(WPS_DIST) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const skip = browserSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)("WPS add-in pages in Chromium", () => {
  let server: Awaited<ReturnType<typeof serveWps>>;
  let browser: BrowserSession;
  const requests: string[] = [];
  const problems: string[] = [];
  const missing: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(WPS_DIST, "index.html"))) {
      throw new Error(`${WPS_DIST}/index.html is missing: run \`npm run build\` first`);
    }
    server = await serveWps();
    browser = await launchBrowser();
    browser.context.on("request", (request) => requests.push(request.url()));
    browser.context.on("response", (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, initScript?: string) {
    const page = await browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    if (initScript) await page.addInitScript(initScript);
    await page.goto(`${server.origin}/${path}`);
    return page;
  }

  it("the main page defines the callbacks and opens taskpane.html of the package", async () => {
    const page = await open(
      "index.html",
      `window.created = [];
       window.wps = window.Application = {
         PluginStorage: { items: {}, getItem(k) { return this.items[k] ?? null; },
                          setItem(k, v) { this.items[k] = String(v); } },
         AddCustomFunction() {},
         CreateTaskPane(url, title) {
           const pane = { ID: 1, Visible: false, Navigate() {} };
           window.created.push({ url, title, pane });
           return pane;
         },
         GetTaskPane() { return null; },
       };`,
    );
    const types = await page.evaluate(() =>
      ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"].map(
        (name) => typeof (window as unknown as Record<string, unknown>)[name],
      ),
    );
    expect(types).toEqual(["function", "function", "function", "function"]);
    const created = await page.evaluate(() => {
      const w = window as unknown as {
        OnAction(c: unknown): boolean;
        created: Array<{ url: string; title: string; pane: { Visible: boolean } }>;
      };
      w.OnAction({ Id: "perfEvalCheck" });
      return w.created.map((c) => ({ url: c.url, title: c.title, visible: c.pane.Visible }));
    });
    expect(created).toEqual([
      {
        url: expect.stringMatching(
          new RegExp(`^${server.origin}/taskpane\\.html#command=check&n=1$`),
        ),
        title: "绩效自评助手",
        visible: true,
      },
    ]);
    const status = await page.evaluate(() =>
      (
        window as unknown as { wps: { PluginStorage: { getItem(k: string): string } } }
      ).wps.PluginStorage.getItem("perf-eval.functions"),
    );
    expect(JSON.parse(status)).toMatchObject({ state: "registered" });
  });

  it("the pane page renders without office.js and takes its command off the hash", async () => {
    const page = await open("taskpane.html#command=check&n=1");
    await expect(page.locator("h1").textContent()).resolves.toBe("绩效自评助手");
    // No WPS globals here: the pane explains itself instead of failing.
    await page.getByText("未检测到 Excel 或 WPS").waitFor();
    await page.waitForFunction(() => window.location.hash === "");
    expect(new URL(page.url()).pathname).toBe("/taskpane.html");
    expect(server.served).not.toContain("/office-js/office.js");
  });

  it("publish.html registers the add-in with the local WPS service on 127.0.0.1:58890", async () => {
    // A stand-in for WPS's local service, answering as wpsjs's publish page expects.
    const posts: Array<{ path: string; body: string }> = [];
    const service = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        posts.push({ path: request.url ?? "", body });
        response.writeHead(200, { "Access-Control-Allow-Origin": "*" });
        response.end(request.url === "/publishlist" ? "[]" : "OK");
      });
    });
    await new Promise<void>((done, fail) => {
      service.once("error", (error) =>
        fail(new Error(`127.0.0.1:58890 is taken (a real WPS running?): ${error.message}`)),
      );
      service.listen(58890, "127.0.0.1", done);
    });
    try {
      const page = await open("publish.html");
      await page.getByText("本机 WPS 尚未安装此加载项。").waitFor();
      await page.getByRole("button", { name: "安装" }).click();
      await page.getByText(/安装成功/).waitFor();
      const deploy = posts.find((p) => p.path === "/deployaddons/runParams");
      expect(deploy).toBeDefined();
      const sent = JSON.parse(Buffer.from(deploy!.body, "base64").toString("utf8")) as Record<
        string,
        string
      >;
      const listed = readFileSync(join(WPS_DIST, "jsplugins.xml"), "utf8");
      const url = /url="([^"]+)"/.exec(listed)![1];
      expect(sent).toMatchObject({
        cmd: "enable",
        name: "perf-eval",
        addonType: "et",
        online: "true",
        url,
      });
    } finally {
      await new Promise<void>((done) => service.close(() => done()));
    }
  });

  it("requests nothing off its own server, every file it asks for exists, no error logged", () => {
    // Only the add-in's server and, from publish.html, the local WPS service.
    const elsewhere = requests.filter(
      (url) => !isLocal(url, server.origin) && new URL(url).origin !== "http://127.0.0.1:58890",
    );
    expect(elsewhere).toEqual([]);
    expect(server.served).toEqual(expect.arrayContaining(["/main.js", "/taskpane.js"]));
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
  });
});
