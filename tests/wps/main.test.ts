/**
 * The WPS main page (src/wps/main.ts) on a recording `wps` stand-in: the ribbon's callbacks are page
 * globals, the pane is created once (docked right, 360 wide) and found again through PluginStorage,
 * commands reach the open pane by navigating it, and failures become one Chinese alert.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WPS_FUNCTIONS_STATUS_KEY } from "../../src/functions/wps";

interface Pane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  urls: string[];
  Navigate(url: string): void;
}

function fakeWps(options: { functions?: boolean; getTaskPaneThrows?: boolean } = {}) {
  const storage = new Map<string, string>();
  const panes: Pane[] = [];
  const created: Array<{ url: string; title?: string }> = [];
  const added: string[] = [];
  const wps = {
    PluginStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, String(value)),
    },
    CreateTaskPane(url: string, title?: string): Pane {
      created.push({ url, title });
      const pane: Pane = {
        ID: 100 + panes.length,
        Visible: false,
        DockPosition: 0,
        Width: 0,
        urls: [url],
        Navigate(next: string) {
          this.urls.push(next);
        },
      };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number): Pane | undefined {
      if (options.getTaskPaneThrows) throw new Error("no such pane");
      return panes.find((p) => p.ID === id);
    },
    ...(options.functions === false
      ? {}
      : { AddCustomFunction: (_ns: string, id: string) => void added.push(id) }),
  };
  return { wps, storage, panes, created, added };
}

const alerts: string[] = [];

async function loadMain(wps: object) {
  vi.resetModules();
  vi.stubGlobal("wps", wps);
  vi.stubGlobal("location", { href: "file:///home/u/jsaddons/perf-eval_0.1.0/index.html?x=1#y" });
  vi.stubGlobal("alert", (text: string) => void alerts.push(text));
  return import("../../src/wps/main");
}

beforeEach(() => {
  alerts.length = 0;
  for (const name of ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"]) {
    delete (globalThis as Record<string, unknown>)[name];
  }
  // The same-page guard of registerOnceInWps outlives module reloads by design; tests start clean.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("perf-eval.wps-functions-status")];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("WPS main page", () => {
  it("defines the ribbon callbacks as page globals and registers the functions at load", async () => {
    const { wps, added, storage } = fakeWps();
    await loadMain(wps);
    const page = globalThis as Record<string, unknown>;
    for (const name of ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"]) {
      expect(typeof page[name], name).toBe("function");
    }
    expect(added.sort()).toEqual([
      "DEVIATION",
      "GRADE",
      "RATE",
      "RATESCORE",
      "SCORE",
      "TOTAL",
      "VALUE",
    ]);
    expect(JSON.parse(storage.get(WPS_FUNCTIONS_STATUS_KEY)!)).toMatchObject({
      state: "registered",
    });
    // OnAddinLoad after the page registered: nothing twice.
    expect((page.OnAddinLoad as (r: unknown) => boolean)({})).toBe(true);
    expect(added).toHaveLength(7);
  });

  it("the add-in folder's address comes from the page's own, without query or hash", async () => {
    const { addinBaseUrl } = await loadMain(fakeWps().wps);
    expect(addinBaseUrl("https://oa.example.gov.cn/perf/wps/index.html")).toBe(
      "https://oa.example.gov.cn/perf/wps/",
    );
    expect(addinBaseUrl("file:///C:/Users/a/jsaddons/perf-eval_0.1.0/index.html?v=1#x")).toBe(
      "file:///C:/Users/a/jsaddons/perf-eval_0.1.0/",
    );
  });

  it("打开助手 creates the pane once, docked right, and shows it again later", async () => {
    const { wps, created, panes, storage } = fakeWps();
    const main = await loadMain(wps);
    expect(main.OnAction({ Id: "perfEvalOpenPane" })).toBe(true);
    expect(created).toEqual([
      { url: "file:///home/u/jsaddons/perf-eval_0.1.0/taskpane.html", title: "绩效自评助手" },
    ]);
    expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2, Width: 360 });
    expect(storage.get(main.PANE_ID_KEY)).toBe("100");

    panes[0]!.Visible = false; // closed by the user
    expect(main.OnAction({ Id: "perfEvalOpenPane" })).toBe(true);
    expect(created).toHaveLength(1);
    expect(panes[0]!.Visible).toBe(true);
    expect(panes[0]!.urls).toHaveLength(1);
  });

  it("校验 / 清除标记 / 插入模板 open the pane with a command, each a new hash", async () => {
    const { wps, created, panes } = fakeWps();
    const main = await loadMain(wps);
    expect(main.OnAction({ Id: "perfEvalCheck" })).toBe(true);
    expect(created[0]!.url).toMatch(/taskpane\.html#command=check&n=\d+$/);
    main.OnAction({ Id: "perfEvalClearMarks" });
    main.OnAction({ Id: "perfEvalInsertTemplate" });
    main.OnAction({ Id: "perfEvalCheck" });
    expect(created).toHaveLength(1);
    const hashes = panes[0]!.urls.map((u) => u.slice(u.indexOf("#")));
    expect(hashes.map((h) => /command=(\w+)/.exec(h)![1])).toEqual([
      "check",
      "clear",
      "template",
      "check",
    ]);
    expect(new Set(hashes).size).toBe(4);
  });

  it("a pane WPS no longer knows is made again", async () => {
    const { wps, created, storage } = fakeWps({ getTaskPaneThrows: true });
    const main = await loadMain(wps);
    storage.set(main.PANE_ID_KEY, "7");
    expect(main.OnAction({ Id: "perfEvalOpenPane" })).toBe(true);
    expect(created).toHaveLength(1);
  });

  it("an unknown control does nothing; every control is enabled with the add-in's icon", async () => {
    const { wps, created } = fakeWps();
    const main = await loadMain(wps);
    expect(main.OnAction({ Id: "somethingElse" })).toBe(false);
    expect(created).toHaveLength(0);
    expect(main.GetImage({ Id: "perfEvalCheck" })).toBe("assets/icon-32.png");
    expect(main.OnGetEnabled({ Id: "perfEvalCheck" })).toBe(true);
  });

  it("a pane that cannot be created is one Chinese alert, not an exception", async () => {
    const { wps } = fakeWps();
    const main = await loadMain({
      ...wps,
      CreateTaskPane: () => {
        throw new Error("E_FAIL");
      },
    });
    expect(main.OnAction({ Id: "perfEvalOpenPane" })).toBe(false);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/无法打开绩效自评助手（E_FAIL）/);
  });

  it("an old WPS (no AddCustomFunction) loads without error and records the version needed", async () => {
    const { wps, storage } = fakeWps({ functions: false });
    const main = await loadMain(wps);
    expect(main.OnAddinLoad({})).toBe(true);
    expect(JSON.parse(storage.get(WPS_FUNCTIONS_STATUS_KEY)!)).toEqual({
      state: "unsupported",
      required: "12.1.0.20540",
    });
    expect(main.OnAction({ Id: "perfEvalOpenPane" })).toBe(true);
  });
});
