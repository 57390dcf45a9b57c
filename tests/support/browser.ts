/**
 * Browser test support: Debian's Chromium driven by playwright-core (which downloads no browser),
 * and a tiny static server for dist/web on 127.0.0.1 so every request can be checked for origin.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const WEB_DIST = path.resolve(__dirname, "..", "..", "dist", "web");

/**
 * Chromium missing outside CI: skip, saying so. In CI (process.env.CI set) the tests always run, so
 * a missing browser fails them instead of passing silently.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI) return undefined;
  return `浏览器测试已跳过：未找到 ${CHROMIUM}（apt-get install chromium；CI 中不会跳过）`;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  origin: string;
  /** Paths asked for, decoded (e.g. "/office-js/office.js"). */
  served: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` read-only on an ephemeral port of 127.0.0.1. `mounts` serves more directories under
 * URL prefixes ({ "/fixtures/": dir }), so test workbooks are same-origin without copying them into
 * dist/web (which a concurrent build may wipe).
 */
export async function serveDirectory(
  root: string,
  mounts: Readonly<Record<string, string>> = {},
): Promise<StaticServer> {
  if (!existsSync(path.join(root, "checker.html"))) {
    throw new Error(`${root} has no checker.html: run \`npm run build\` before the browser tests`);
  }
  const served: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const wanted = decodeURIComponent(url.pathname);
    served.push(wanted);
    const prefix = Object.keys(mounts).find((p) => wanted.startsWith(p));
    const base = prefix === undefined ? root : path.resolve(mounts[prefix]);
    const rest = prefix === undefined ? wanted : wanted.slice(prefix.length - 1);
    const file = path.join(base, path.normalize(rest));
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile directory and its background traffic switched off. */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "perf-eval-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    locale: "zh-CN",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // npm test runs these beside LibreOffice and the benchmarks on two cores: be patient, not flaky.
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a request stays on the machine: the test server's origin, data:/blob: or about:blank. */
export function isLocal(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  return new URL(url).origin === origin;
}
