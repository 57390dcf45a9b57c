/**
 * The built metadata (dist/web/functions.json, from `npm run build`) and the code agree: every id
 * in the file is registered in Excel and WPS, every registered id is in the file, exactly once.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PerfError } from "../../src/core/errors";
import type { WpsCustomFunctionHost } from "../../src/functions/wps";

type WpsMetadata = NonNullable<Parameters<WpsCustomFunctionHost["AddCustomFunction"]>[3]>;

const WEB = resolve(__dirname, "../../dist/web");

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Array<{ name: string; description: string; type: string; repeating?: boolean }>;
}

function builtMetadata(): FunctionMetadata[] {
  const file = resolve(WEB, "functions.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return (JSON.parse(readFileSync(file, "utf8")) as { functions: FunctionMetadata[] }).functions;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** A stand-in for Excel's CustomFunctions global, as much as functions.ts uses. */
class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associate = vi.fn();
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
};

let functionsModule: typeof import("../../src/functions/functions");

beforeAll(async () => {
  vi.stubGlobal("CustomFunctions", { associate, Error: FakeExcelError, ErrorCode });
  functionsModule = await import("../../src/functions/functions");
});

describe("Excel registration", () => {
  it("functions.json lists exactly the ids registered at load, each registered once", () => {
    const fileIds = builtMetadata()
      .map((f) => f.id)
      .sort();
    const registered = associate.mock.calls.map(([id]) => id as string).sort();
    expect(registered).toEqual(fileIds);
    expect(new Set(registered).size).toBe(registered.length);
    expect(fileIds).toEqual(["DEVIATION", "GRADE", "RATE", "RATESCORE", "SCORE", "TOTAL", "VALUE"]);
  });

  it("registers the functions of the exported id table", () => {
    for (const [id, fn] of associate.mock.calls) {
      expect(fn).toBe(
        functionsModule.EXCEL_FUNCTIONS[id as keyof typeof functionsModule.EXCEL_FUNCTIONS],
      );
    }
  });

  it("the built bundle has no plugin-appended associate calls (no double registration)", () => {
    const bundle = readFileSync(resolve(WEB, "functions.js"), "utf8");
    expect(bundle).not.toMatch(/associate\("(RATE|SCORE|TOTAL|VALUE)"/);
  });

  it("descriptions and parameter help are Chinese; TOTAL repeats its argument", () => {
    for (const f of builtMetadata()) {
      expect(f.description, f.id).toMatch(CHINESE);
      for (const p of f.parameters) {
        expect(p.description, `${f.id}.${p.name}`).toMatch(CHINESE);
        expect(p.name, `${f.id}.${p.name}`).toMatch(CHINESE);
      }
    }
    const total = builtMetadata().find((f) => f.id === "TOTAL");
    expect(total?.parameters[0]?.repeating).toBe(true);
  });

  it("the registered functions compute through PERF", () => {
    expect(functionsModule.EXCEL_FUNCTIONS.RATE(50, "49.52")).toBeCloseTo(0.9904, 12);
    expect(functionsModule.EXCEL_FUNCTIONS.TOTAL([["6.78"], ["-"]], [[30, 30, 30]])).toBe(96.78);
  });

  it("errors become CustomFunctions.Error; a message only on #VALUE! and #N/A", () => {
    const thrown = (fn: () => unknown): FakeExcelError => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(FakeExcelError);
        return error as FakeExcelError;
      }
      throw new Error("expected an error");
    };
    const { EXCEL_FUNCTIONS: F } = functionsModule;
    expect(thrown(() => F.RATE(0, 1))).toEqual(new FakeExcelError("#DIV/0!"));
    expect(thrown(() => F.RATE(-1, 1))).toEqual(new FakeExcelError("#NUM!"));
    const value = thrown(() => F.RATE("预算待定", 1));
    expect(value.code).toBe("#VALUE!");
    expect(value.message).toMatch(CHINESE);
    const na = thrown(() => F.SCORE("确保研究质量", "达成指标", 30));
    expect(na.code).toBe("#N/A");
    expect(na.message).toMatch(CHINESE);
  });
});

describe("WPS registration", () => {
  it("registers every id under PERF with the same Chinese help as Excel's functions.json", async () => {
    const { registerWpsFunctions } = await import("../../src/functions/wps");
    const calls: Array<{
      ns: string;
      id: string;
      fn: (...a: unknown[]) => unknown;
      meta: WpsMetadata;
    }> = [];
    registerWpsFunctions({
      AddCustomFunction: (ns, id, fn, meta) => calls.push({ ns, id, fn, meta: meta! }),
    });
    const metadata = builtMetadata();
    expect(calls.map((c) => c.id).sort()).toEqual(metadata.map((f) => f.id).sort());
    for (const call of calls) {
      expect(call.ns).toBe("PERF");
      const excel = metadata.find((f) => f.id === call.id)!;
      expect(call.meta.description).toBe(excel.description);
      expect(call.meta.parameters.map((p) => p.name)).toEqual(excel.parameters.map((p) => p.name));
      expect(call.meta.parameters.map((p) => p.description)).toEqual(
        excel.parameters.map((p) => p.description),
      );
    }
    const rate = calls.find((c) => c.id === "RATE")!;
    expect(rate.fn(50, 49.52)).toBeCloseTo(0.9904, 12);
    expect(() => rate.fn(0, 1)).toThrow(/^#DIV\/0! .*[\u4e00-\u9fff]/);
    expect(() => rate.fn(0, 1)).not.toThrow(PerfError);
  });
});

describe("WPS registration once per session", () => {
  const PAGE_FLAG = Symbol.for("perf-eval.wps-functions-status");

  function storage() {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  }

  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PAGE_FLAG];
  });

  it("registers the seven functions once, however often the main page asks", async () => {
    const { registerOnceInWps, readWpsFunctionsStatus } = await import("../../src/functions/wps");
    const added: string[] = [];
    const PluginStorage = storage();
    const root = { PluginStorage, AddCustomFunction: (_ns: string, id: string) => added.push(id) };
    const first = registerOnceInWps(root);
    // The main page evaluated again (another window of the same WPS: a fresh page, same storage).
    delete (globalThis as Record<symbol, unknown>)[PAGE_FLAG];
    const second = registerOnceInWps(root);
    expect(added).toHaveLength(7);
    expect(first).toEqual({ state: "registered", ids: added });
    expect(second).toEqual(first);
    expect(readWpsFunctionsStatus(PluginStorage)).toEqual(first);
  });

  it("without PluginStorage the page itself still registers only once", async () => {
    const { registerOnceInWps } = await import("../../src/functions/wps");
    const added: string[] = [];
    const root = { AddCustomFunction: (_ns: string, id: string) => added.push(id) };
    registerOnceInWps(root);
    registerOnceInWps(root);
    expect(added).toHaveLength(7);
  });

  it("an older WPS: nothing throws, the status names the version needed in Chinese", async () => {
    const { registerOnceInWps, readWpsFunctionsStatus, wpsFunctionsProblem } =
      await import("../../src/functions/wps");
    const PluginStorage = storage();
    expect(registerOnceInWps({ PluginStorage })).toEqual({
      state: "unsupported",
      required: "12.1.0.20540",
    });
    expect(registerOnceInWps(undefined).state).toBe("unsupported");
    const problem = wpsFunctionsProblem(readWpsFunctionsStatus(PluginStorage));
    expect(problem).toContain("12.1.0.20540");
    expect(problem).toMatch(CHINESE);
    expect(wpsFunctionsProblem({ state: "registered", ids: [] })).toBeUndefined();
  });

  it("a registration that fails part-way is recorded, not retried (no duplicates)", async () => {
    const { registerOnceInWps, wpsFunctionsProblem } = await import("../../src/functions/wps");
    const added: string[] = [];
    const PluginStorage = storage();
    const root = {
      PluginStorage,
      AddCustomFunction: (_ns: string, id: string) => {
        if (added.length === 3) throw new Error("命名冲突");
        added.push(id);
      },
    };
    const status = registerOnceInWps(root);
    delete (globalThis as Record<symbol, unknown>)[PAGE_FLAG];
    registerOnceInWps(root);
    expect(status).toEqual({ state: "failed", message: "命名冲突" });
    expect(added).toHaveLength(3);
    expect(wpsFunctionsProblem(status)).toContain("命名冲突");
  });

  it("a garbled status in PluginStorage reads as none", async () => {
    const { readWpsFunctionsStatus, WPS_FUNCTIONS_STATUS_KEY } =
      await import("../../src/functions/wps");
    const PluginStorage = storage();
    PluginStorage.items.set(WPS_FUNCTIONS_STATUS_KEY, "{not json");
    expect(readWpsFunctionsStatus(PluginStorage)).toBeUndefined();
    PluginStorage.items.set(WPS_FUNCTIONS_STATUS_KEY, '{"state":"maybe"}');
    expect(readWpsFunctionsStatus(PluginStorage)).toBeUndefined();
  });
});
