/// <reference types="et-jsapi-declare" />
/**
 * What the WPS adapter needs from its surroundings, and what the running WPS can do. In the add-in
 * `Application` and `wps` are the page's globals (window.Application, window.wps); tests pass the
 * simulated ET object model's (dev/wps-sim). Typed with et-jsapi-declare.
 */
import { HostError } from "../types";
import { WPS_CUSTOM_FUNCTIONS_VERSION } from "../../functions/wps";

/** The parts of the `wps` global the adapter uses; either may be missing on an older WPS. */
export interface WpsRoot {
  ApiEvent?: WPS.EtApiEvent;
  AddCustomFunction?: WPS.EtAddonRoot["AddCustomFunction"];
}

export interface WpsEnv {
  /** `window.Application`: the ET application object. */
  Application: Et.Application;
  /** `window.wps`: events and custom functions. */
  wps?: WpsRoot;
  /**
   * How long after one of our writes a SheetChange is still taken for ours (WPS may deliver events
   * after the write returned). Tests shorten it.
   */
  quietMs?: number;
}

export interface WpsFeatures {
  /** `wps.ApiEvent`: SheetChange for the live re-check. */
  events: boolean;
  /** `wps.AddCustomFunction` (WPS 12.1.0.20540 or later). */
  customFunctions: boolean;
  /** The running WPS's version (Application.Build / Version), for the sentence about it. */
  build: string | undefined;
}

/** The first WPS version with `wps.AddCustomFunction`: the registration's own constant. */
const CUSTOM_FUNCTIONS_VERSION = WPS_CUSTOM_FUNCTIONS_VERSION;

export function detectFeatures(env: WpsEnv): WpsFeatures {
  const events = safely(() => {
    const api = env.wps?.ApiEvent;
    return typeof api?.AddApiEventListener === "function";
  });
  const customFunctions = safely(() => typeof env.wps?.AddCustomFunction === "function");
  return { events, customFunctions, build: versionOf(env.Application) };
}

/**
 * The version to name in a sentence: Application.Build where it is a full version
 * ("12.1.0.20540"), else Application.Version where that is, else whichever says more.
 */
function versionOf(app: Et.Application): string | undefined {
  const read = (get: () => unknown) => {
    try {
      const raw = get();
      const text = typeof raw === "string" || typeof raw === "number" ? String(raw).trim() : "";
      return text === "" ? undefined : text;
    } catch {
      return undefined;
    }
  };
  const build = read(() => app.Build);
  const version = read(() => app.Version);
  const full = (text: string | undefined) => text !== undefined && /^\d+(\.\d+){2,}$/.test(text);
  if (full(build)) return build;
  if (full(version)) return version;
  return build ?? version;
}

function safely(probe: () => boolean): boolean {
  try {
    return probe();
  } catch {
    return false;
  }
}

/** One Chinese sentence per missing capability: what is missing and what happens instead. */
export function limitationsOf(features: WpsFeatures): string[] {
  const said: string[] = [];
  if (!features.customFunctions) {
    const current = features.build ? `当前 WPS 版本（${features.build}）` : "当前 WPS 版本";
    said.push(
      `${current}不支持自定义函数（需要 WPS ${CUSTOM_FUNCTIONS_VERSION} 或更高版本），PERF 函数不可用；校验、标记和模板不受影响。`,
    );
  }
  if (!features.events) {
    said.push(
      "当前 WPS 不提供单元格修改事件（wps.ApiEvent），编辑后不会自动重新校验；修改后请再点一次“校验”。",
    );
  }
  return said;
}

/** The open workbook, or one Chinese sentence saying there is none. */
export function activeWorkbook(env: WpsEnv): Et.Workbook {
  const workbook = env.Application.ActiveWorkbook as Et.Workbook | null | undefined;
  if (!workbook) {
    throw new HostError("WPS 表格中没有打开的工作簿；请先打开或新建一个工作簿再试。");
  }
  return workbook;
}
