/**
 * The built WPS add-in (dist/wps from `npm run build`; issue 8, "the package"): the ribbon is
 * well-formed and every callback it names is a function of the main page, run here in a Node vm
 * with a recording `wps`; the pane it opens and every file the registration entries name exist in
 * the build; the offline folder and its zip hold the same files; the functions registered for WPS
 * are functions.json's, once, from the main page only. Fails (never skips) when the build is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { runInContext, createContext } from "node:vm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";

const DIST = resolve(__dirname, "../../dist");
const WPS = join(DIST, "wps");
const WEB = join(DIST, "web");
const { version: VERSION } = JSON.parse(
  readFileSync(resolve(__dirname, "../../package.json"), "utf8"),
) as { version: string };
const FOLDER = `perf-eval_${VERSION}`;
const OFFLINE = join(WPS, "offline");
const CALLBACK_ATTRIBUTES = [
  "onLoad",
  "onAction",
  "getEnabled",
  "getImage",
  "getLabel",
  "getVisible",
];

const read = (path: string) => readFileSync(path, "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

beforeAll(() => {
  for (const needed of [
    join(WPS, "ribbon.xml"),
    join(OFFLINE, FOLDER),
    join(WEB, "functions.json"),
  ]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build\` first`);
  }
});

/** Every file under dir, relative, with "/" separators, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split(sep).join("/"))
    .sort();
}

/** Every element (at any depth) of a parsed XML tree, with its tag name. */
function elements(node: unknown, tag = ""): Array<{ tag: string; attrs: Record<string, string> }> {
  if (Array.isArray(node)) return node.flatMap((n) => elements(n, tag));
  if (node === null || typeof node !== "object") return [];
  const attrs: Record<string, string> = {};
  const out: Array<{ tag: string; attrs: Record<string, string> }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      attrs[key] = String(value);
    } else {
      out.push(...elements(value, key));
    }
  }
  return tag ? [{ tag, attrs }, ...out] : out;
}

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]!);
}

interface Recorded {
  ns: string;
  id: string;
  fn: (...args: unknown[]) => unknown;
  meta: { description?: string; parameters: Array<{ name?: string; description?: string }> };
}

/** A `wps` stand-in recording what the main page does, shared by the pages of one WPS session. */
function fakeWps(options: { functions?: boolean } = {}) {
  const items = new Map<string, string>();
  const registered: Recorded[] = [];
  const created: Array<{ url: string; title?: string; pane: Record<string, unknown> }> = [];
  const wps: Record<string, unknown> = {
    PluginStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: unknown) => void items.set(key, String(value)),
    },
    CreateTaskPane(url: string, title?: string) {
      const pane: Record<string, unknown> = {
        ID: 42 + created.length,
        Visible: false,
        navigated: [] as string[],
        Navigate(next: string) {
          (pane.navigated as string[]).push(next);
        },
      };
      created.push({ url, title, pane });
      return pane;
    },
    GetTaskPane: (id: number) => created.find((c) => c.pane.ID === id)?.pane,
  };
  if (options.functions !== false) {
    wps.AddCustomFunction = (ns: string, id: string, fn: Recorded["fn"], meta: Recorded["meta"]) =>
      void registered.push({ ns, id, fn, meta });
  }
  return { wps, items, registered, created };
}

const PAGE_URL = `file:///home/clerk/.local/share/Kingsoft/wps/jsaddons/${FOLDER}/index.html`;

/** Runs a page's scripts (files of `dir`) in a fresh vm context, as WPS's browser would. */
function runPage(dir: string, html: string, wps: object, alerts: string[] = []) {
  const context = createContext({
    wps,
    Application: wps,
    location: { href: PAGE_URL },
    alert: (text: string) => void alerts.push(text),
    console,
  });
  runInContext("var window = globalThis; var self = globalThis;", context);
  for (const src of scriptsOf(html)) {
    runInContext(read(join(dir, src)), context, { filename: src });
  }
  return context as Record<string, unknown>;
}

function ribbon() {
  const text = read(join(WPS, "ribbon.xml"));
  return { text, all: elements(parser.parse(text)) };
}

function buttonId(label: string): string {
  const button = ribbon().all.find((e) => e.tag === "button" && e.attrs.label === label);
  if (!button) throw new Error(`ribbon.xml has no button labelled ${label}`);
  return button.attrs.id!;
}

describe("ribbon.xml and the main page", () => {
  it("is well-formed customUI with a 绩效自评 tab of four buttons", () => {
    const { text, all } = ribbon();
    expect(XMLValidator.validate(text)).toBe(true);
    expect(all[0]).toMatchObject({ tag: "customUI" });
    expect(all.find((e) => e.tag === "tab")?.attrs.label).toBe("绩效自评");
    expect(all.filter((e) => e.tag === "button").map((e) => e.attrs.label)).toEqual([
      "打开助手",
      "校验",
      "清除标记",
      "插入模板",
    ]);
  });

  it("names only callbacks the main page defines as functions", () => {
    const { all } = ribbon();
    const named = new Set(
      all.flatMap((e) => CALLBACK_ATTRIBUTES.map((a) => e.attrs[a]).filter((v) => v !== undefined)),
    );
    expect([...named].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
    expect(all[0]!.attrs.onLoad).toBe("OnAddinLoad");
    const page = runPage(WPS, read(join(WPS, "index.html")), fakeWps().wps);
    for (const name of named) expect(typeof page[name], name).toBe("function");
  });

  it("the main page's scripts are files of the package, with no address of their own", () => {
    const html = read(join(WPS, "index.html"));
    expect(scriptsOf(html)).toEqual(["main.js"]);
    expect(html).not.toMatch(/https?:/);
  });

  it("打开助手 creates the task pane from a page inside the package, docked right", () => {
    const { wps, created } = fakeWps();
    const page = runPage(WPS, read(join(WPS, "index.html")), wps);
    expect((page.OnAddinLoad as (r: unknown) => unknown)({})).toBe(true);
    expect((page.OnAction as (c: unknown) => unknown)({ Id: buttonId("打开助手") })).toBe(true);
    expect(created).toHaveLength(1);
    const base = PAGE_URL.slice(0, PAGE_URL.lastIndexOf("/") + 1);
    expect(created[0]!.url.startsWith(base)).toBe(true);
    const file = created[0]!.url.slice(base.length).split("#")[0]!;
    expect(existsSync(join(WPS, file))).toBe(true);
    expect(file).toBe("taskpane.html");
    expect(created[0]!.title).toBe("绩效自评助手");
    expect(created[0]!.pane).toMatchObject({ Visible: true, DockPosition: 2, Width: 360 });
  });

  it("校验, 清除标记 and 插入模板 open the same pane with their command", () => {
    const { wps, created } = fakeWps();
    const page = runPage(WPS, read(join(WPS, "index.html")), wps);
    const act = page.OnAction as (c: unknown) => unknown;
    for (const label of ["校验", "清除标记", "插入模板"]) {
      expect(act({ Id: buttonId(label) }), label).toBe(true);
    }
    expect(created).toHaveLength(1);
    const urls = [created[0]!.url, ...(created[0]!.pane.navigated as string[])];
    expect(urls.map((u) => /#command=(\w+)/.exec(u)?.[1])).toEqual(["check", "clear", "template"]);
  });

  it("every button's image is a PNG in the package", () => {
    const page = runPage(WPS, read(join(WPS, "index.html")), fakeWps().wps);
    for (const button of ribbon().all.filter((e) => e.tag === "button")) {
      const image = (page.GetImage as (c: unknown) => string)({ Id: button.attrs.id });
      const bytes = readFileSync(join(WPS, image));
      expect(bytes.subarray(1, 4).toString("latin1"), image).toBe("PNG");
      expect((page.OnGetEnabled as (c: unknown) => unknown)({ Id: button.attrs.id })).toBe(true);
    }
  });
});

describe("the task pane page in WPS", () => {
  it("loads only the pane bundle from the package: no office.js, no outside address", () => {
    const html = read(join(WPS, "taskpane.html"));
    expect(scriptsOf(html)).toEqual(["taskpane.js"]);
    expect(html).not.toMatch(/office\.js|https?:\/\//);
    for (const ref of [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      expect(existsSync(join(WPS, ref)), ref).toBe(true);
    }
    expect(read(join(WPS, "taskpane.js"))).toBe(read(join(WEB, "taskpane.js")));
  });
});

describe("deployment entries", () => {
  const site = () => {
    // The same address the Excel manifest was built for (PUBLIC_URL).
    const manifest = read(join(WEB, "manifest.xml"));
    const taskpane = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/.exec(manifest);
    if (!taskpane) throw new Error("dist/web/manifest.xml has no taskpane SourceLocation");
    return taskpane[1]!;
  };

  it("jsplugins.xml lists the online folder at <PUBLIC_URL>/wps/, whose files are here", () => {
    const text = read(join(WPS, "jsplugins.xml"));
    expect(XMLValidator.validate(text)).toBe(true);
    const entries = elements(parser.parse(text)).filter((e) => e.tag === "jspluginonline");
    expect(entries).toHaveLength(1);
    const entry = entries[0]!.attrs;
    expect(entry).toMatchObject({ name: "perf-eval", type: "et", url: `${site()}/wps/` });
    // What WPS fetches from that address: ribbon.xml, then index.html and what it loads.
    for (const file of ["ribbon.xml", "index.html", ...scriptsOf(read(join(WPS, "index.html")))]) {
      expect(existsSync(join(WPS, file)), file).toBe(true);
    }
  });

  it("publish.html registers that same address with the local WPS, and talks to nothing else", () => {
    const html = read(join(WPS, "publish.html"));
    const data = /var ADDON = (\{[^;]*\});/.exec(html);
    expect(data).not.toBeNull();
    expect(JSON.parse(data![1]!)).toEqual({
      name: "perf-eval",
      addonType: "et",
      url: `${site()}/wps/`,
      version: VERSION,
    });
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(policy).toContain("connect-src http://127.0.0.1:58890");
    expect(policy).toContain("default-src 'none'");
    // Addresses in the page: the local WPS service, and the add-in's own (data it registers).
    const addresses = new Set(
      [...html.matchAll(/https?:\/\/[^\s"'<;),，）]+/g)].map((m) => new URL(m[0]).origin),
    );
    expect([...addresses].sort()).toEqual(
      ["http://127.0.0.1:58890", new URL(site()).origin].sort(),
    );
  });

  it("the offline publish.xml entry points at the add-in folder next to it", () => {
    const text = read(join(OFFLINE, "publish.xml"));
    expect(XMLValidator.validate(text)).toBe(true);
    const entries = elements(parser.parse(text)).filter((e) => e.tag === "jsplugin");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.attrs).toMatchObject({
      name: "perf-eval",
      type: "et",
      url: FOLDER,
      version: VERSION,
      enable: "enable_dev",
    });
    const folder = join(OFFLINE, entries[0]!.attrs.url!);
    expect(statSync(folder).isDirectory()).toBe(true);
    for (const file of ["ribbon.xml", "index.html", "main.js", "taskpane.html", "taskpane.js"]) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
  });

  it("the offline folder is the online add-in, file for file", () => {
    const online = listFiles(WPS).filter(
      (f) => !f.startsWith("offline/") && f !== "jsplugins.xml" && f !== "publish.html",
    );
    const offline = listFiles(join(OFFLINE, FOLDER));
    expect(offline).toEqual(online);
    for (const file of offline) {
      expect(
        readFileSync(join(OFFLINE, FOLDER, file)).equals(readFileSync(join(WPS, file))),
        file,
      ).toBe(true);
    }
  });

  it("the offline zip holds exactly the offline files, byte for byte", () => {
    const zipName = `perf-eval-wps-${VERSION}.zip`;
    const zipped = unzipSync(readFileSync(join(OFFLINE, zipName)));
    const files = listFiles(OFFLINE).filter((f) => f !== zipName);
    expect(Object.keys(zipped).sort()).toEqual(files);
    for (const file of files) {
      expect(Buffer.from(zipped[file]!).equals(readFileSync(join(OFFLINE, file))), file).toBe(true);
    }
    expect(files).toEqual(
      expect.arrayContaining([
        "install-wps-addon.sh",
        "install-wps-addon.ps1",
        "install-wps-addon.bat",
        "publish.xml",
        `${FOLDER}/ribbon.xml`,
      ]),
    );
  });

  it("the Windows scripts: PowerShell in UTF-8 with BOM, the .bat ASCII, both CRLF, names filled", () => {
    const ps1 = readFileSync(join(OFFLINE, "install-wps-addon.ps1"));
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ps1Text = ps1.toString("utf8");
    expect(ps1Text).not.toContain("__");
    expect(ps1Text).toContain(`$Version = "${VERSION}"`);
    expect(ps1Text).toContain("kingsoft\\wps\\jsaddons");
    expect(ps1Text.replace(/\r\n/g, "")).not.toContain("\n");
    const bat = readFileSync(join(OFFLINE, "install-wps-addon.bat"));
    expect([...bat].every((b) => b < 0x80)).toBe(true);
    expect(bat.toString("latin1")).toContain("install-wps-addon.ps1");
    expect(bat.toString("latin1").replace(/\r\n/g, "")).not.toContain("\n");
  });
});

describe("PERF functions in WPS", () => {
  interface FunctionMetadata {
    id: string;
    description: string;
    parameters: Array<{ name: string; description: string }>;
  }
  const metadata = () =>
    (JSON.parse(read(join(WEB, "functions.json"))) as { functions: FunctionMetadata[] }).functions;

  it("the main page registers functions.json's ids, parameters and descriptions under PERF", () => {
    const { wps, registered } = fakeWps();
    runPage(WPS, read(join(WPS, "index.html")), wps);
    const expected = metadata();
    expect(registered.map((r) => r.id).sort()).toEqual(expected.map((f) => f.id).sort());
    for (const call of registered) {
      const excel = expected.find((f) => f.id === call.id)!;
      expect(call.ns).toBe("PERF");
      expect(call.meta.description).toBe(excel.description);
      expect(call.meta.parameters.map((p) => [p.name, p.description])).toEqual(
        excel.parameters.map((p) => [p.name, p.description]),
      );
    }
    const rate = registered.find((r) => r.id === "RATE")!;
    expect(rate.fn(50, "49.52")).toBeCloseTo(0.9904, 12);
  });

  it("registers once per WPS session: main page twice, pane scripts too", () => {
    const { wps, registered } = fakeWps();
    const main = read(join(WPS, "index.html"));
    const page = runPage(WPS, main, wps);
    (page.OnAddinLoad as (r: unknown) => unknown)({});
    runPage(WPS, main, wps); // the main page loaded again (a second WPS window)
    // The Excel pane page loads functions.js as well; in WPS it must register nothing.
    runPage(WEB, '<script src="functions.js"></script>', wps);
    expect(registered).toHaveLength(7);
    expect(new Set(registered.map((r) => r.id)).size).toBe(7);
    expect(scriptsOf(read(join(WPS, "taskpane.html")))).not.toContain("functions.js");
  });

  it("on a WPS without AddCustomFunction the main page loads and records the version needed", () => {
    const { wps, items, created } = fakeWps({ functions: false });
    const alerts: string[] = [];
    const page = runPage(WPS, read(join(WPS, "index.html")), wps, alerts);
    expect((page.OnAddinLoad as (r: unknown) => unknown)({})).toBe(true);
    const status = JSON.parse(items.get("perf-eval.functions") ?? "{}") as Record<string, unknown>;
    expect(status).toEqual({ state: "unsupported", required: "12.1.0.20540" });
    expect((page.OnAction as (c: unknown) => unknown)({ Id: buttonId("打开助手") })).toBe(true);
    expect(created).toHaveLength(1);
    expect(alerts).toEqual([]);
  });
});
