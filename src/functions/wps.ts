/**
 * WPS 表格 registration: `wps.AddCustomFunction("PERF", id, fn, metadata)` for every PERF id, so
 * =PERF.RATE(D7,E7) works in WPS as in Excel (WPS 12.1.0.20540+; synchronous functions only, which
 * all PERF functions are). Registering with metadata directly means WPS needs no functions.json.
 */
import { isPerfError } from "../core/errors";
import { PERF, type PerfFunctionId } from "./perf";

export const WPS_NAMESPACE = "PERF";

type WpsType = "number" | "string" | "any";

interface WpsFunctionHelp {
  description: string;
  result: WpsType;
  parameters: Array<{ name: string; description: string }>;
}

/** Chinese help shown in WPS's 插入函数 dialog; kept equal to the Excel JSDoc by a test. */
export const WPS_FUNCTION_HELP: Record<PerfFunctionId, WpsFunctionHelp> = {
  RATE: {
    description:
      "计算预算执行率：全年执行数 ÷ 全年预算数，返回小数（0.9904），请将单元格设为百分比格式。",
    result: "number",
    parameters: [
      {
        name: "全年预算数",
        description: '全年预算数（调整后预算），数字或文本，如 50、"1,663.27"、"3.5万"',
      },
      { name: "全年执行数", description: '全年执行数，数字或文本，如 49.52、"1,404.77"' },
    ],
  },
  RATESCORE: {
    description:
      "按评分方案计算预算执行率得分：分值 × min(执行率, 100%)，全国方案四舍五入到 2 位小数。",
    result: "number",
    parameters: [
      { name: "执行率", description: '执行率，小数（0.9904）或百分数文本（"99.04%"）' },
      { name: "分值", description: "预算执行率的分值，默认 10" },
      {
        name: "评分方案",
        description: "评分方案名称：national（全国，默认）或 shanghai（上海）等",
      },
    ],
  },
  SCORE: {
    description:
      "计算绩效指标得分：达成指标得满分，未达成按完成比例计分（“≤”类超出部分按比例扣分）。",
    result: "number",
    parameters: [
      { name: "年度指标值", description: '年度指标值，如 "≥257"、"≤40万元"、"=8(个)"、"95%"' },
      { name: "实际完成值", description: '实际完成值，如 248、"42.82万元"、"98%"' },
      { name: "分值", description: "该指标的分值" },
      {
        name: "方向",
        description: '指标值未写比较符时的方向："≥"（不少于，默认）或 "≤"（不超过）',
      },
    ],
  },
  TOTAL: {
    description: "汇总得分：可选多个单元格或区域；“—”、空白和“不涉及”不计，其他文本报 #VALUE!。",
    result: "number",
    parameters: [{ name: "得分", description: "得分所在的单元格或区域，可填写多个" }],
  },
  GRADE: {
    description: "根据总分给出评分等级：≥90 优，80–90 良，60–80 中，<60 差。",
    result: "string",
    parameters: [{ name: "总分", description: "总分" }],
  },
  DEVIATION: {
    description:
      "计算实际完成值相对年度指标值的偏差率：(实际完成值 − 年度指标值) ÷ 年度指标值，负数表示未达到。",
    result: "number",
    parameters: [
      { name: "年度指标值", description: '年度指标值，如 "≥257"、"≤40万元"' },
      { name: "实际完成值", description: '实际完成值，如 248、"42.82万元"' },
    ],
  },
  VALUE: {
    description:
      "读取单元格中按习惯书写的数字：去掉千分位和空格，“29.616 9 万元”→ 29.6169，“99.06%”→ 0.9906。",
    result: "number",
    parameters: [{ name: "文本", description: "含数字的文本" }],
  },
};

/**
 * WPS has no documented error-value object for add-in functions: a thrown exception becomes an error
 * value in the cell. The message keeps the spreadsheet code first so the user sees which kind it is.
 */
export function toWpsError(error: unknown): Error {
  if (isPerfError(error)) return new Error(`${error.code} ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** WPS passes ranges as arrays like Excel does; wrapping keeps PERF's errors readable there. */
function wrapForWps(fn: (...args: never[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      throw toWpsError(error);
    }
  };
}

/** The subset of the WPS application object this module uses (et-jsapi-declare: EtAddonRoot). */
export interface WpsCustomFunctionHost {
  AddCustomFunction(
    namespace: string,
    name: string,
    callback: (...args: unknown[]) => unknown,
    metadata?: {
      description?: string;
      result: { type?: string };
      parameters: Array<{ name?: string; type?: string; description?: string }>;
    },
  ): void;
}

/** Registers every PERF function with WPS; returns the ids registered. */
export function registerWpsFunctions(host: WpsCustomFunctionHost): string[] {
  const ids: string[] = [];
  for (const id of Object.keys(PERF) as PerfFunctionId[]) {
    const help = WPS_FUNCTION_HELP[id];
    host.AddCustomFunction(WPS_NAMESPACE, id, wrapForWps(PERF[id]), {
      description: help.description,
      result: { type: help.result },
      parameters: help.parameters.map((p) => ({
        name: p.name,
        type: "any",
        description: p.description,
      })),
    });
    ids.push(id);
  }
  return ids;
}

/** The first WPS build with `wps.AddCustomFunction`; older builds have no PERF functions. */
export const WPS_CUSTOM_FUNCTIONS_VERSION = "12.1.0.20540";

/**
 * `wps.PluginStorage` key under which the add-in's main page records what became of the
 * registration, so the task pane (another page of the same add-in) can say why PERF functions are
 * missing. PluginStorage lives as long as WPS runs, which is exactly as long as a registration.
 */
export const WPS_FUNCTIONS_STATUS_KEY = "perf-eval.functions";

/** What the main page did about the PERF functions in this WPS session. */
export type WpsFunctionsStatus =
  | { state: "registered"; ids: string[] }
  | { state: "unsupported"; required: string }
  | { state: "failed"; message: string };

/** The part of `wps.PluginStorage` used here (et-jsapi-declare: WPS.PluginStorage). */
export interface WpsKeyValueStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
}

/** The parts of the `wps` global registration needs; any of them may be missing. */
export interface WpsRegistrationRoot {
  AddCustomFunction?: WpsCustomFunctionHost["AddCustomFunction"];
  PluginStorage?: WpsKeyValueStorage;
}

/** The recorded status, or undefined when none was recorded (or it cannot be read). */
export function readWpsFunctionsStatus(
  storage: WpsKeyValueStorage | undefined,
): WpsFunctionsStatus | undefined {
  try {
    const raw = storage?.getItem(WPS_FUNCTIONS_STATUS_KEY);
    if (typeof raw !== "string" || raw === "") return undefined;
    const parsed = JSON.parse(raw) as { state?: unknown };
    const states = ["registered", "unsupported", "failed"];
    return typeof parsed.state === "string" && states.includes(parsed.state)
      ? (parsed as WpsFunctionsStatus)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The Chinese sentence for a status that leaves the user without PERF functions, if it does. */
export function wpsFunctionsProblem(status: WpsFunctionsStatus | undefined): string | undefined {
  if (status?.state === "unsupported") {
    return `当前 WPS 版本不支持自定义函数，PERF 函数不可用；请升级到 WPS ${status.required} 或更高版本。校验、标记和模板不受影响。`;
  }
  if (status?.state === "failed") {
    return `PERF 函数注册失败（${status.message}），请重启 WPS 再试。校验、标记和模板不受影响。`;
  }
  return undefined;
}

/** Same-page fallback when WPS offers no PluginStorage: a second evaluation still registers nothing. */
const PAGE_FLAG = Symbol.for("perf-eval.wps-functions-status");

/**
 * Registers the PERF functions once per WPS session, from the add-in's main page. Registering
 * again would list every function twice in 插入函数 (seen with several pages before wpsjs 2.2.2),
 * so any recorded outcome — even a failure part-way — means "done". Never throws: a WPS older
 * than 12.1.0.20540 (no AddCustomFunction) gets the status "unsupported" and everything else of
 * the add-in still works.
 */
export function registerOnceInWps(root: WpsRegistrationRoot | undefined): WpsFunctionsStatus {
  const page = globalThis as { [PAGE_FLAG]?: WpsFunctionsStatus };
  const storage = root?.PluginStorage;
  const known = readWpsFunctionsStatus(storage) ?? page[PAGE_FLAG];
  if (known !== undefined) return known;

  let status: WpsFunctionsStatus;
  const add = root?.AddCustomFunction;
  if (typeof add !== "function") {
    status = { state: "unsupported", required: WPS_CUSTOM_FUNCTIONS_VERSION };
  } else {
    try {
      status = {
        state: "registered",
        ids: registerWpsFunctions({ AddCustomFunction: add.bind(root) }),
      };
    } catch (error) {
      status = { state: "failed", message: error instanceof Error ? error.message : String(error) };
    }
  }
  page[PAGE_FLAG] = status;
  try {
    storage?.setItem(WPS_FUNCTIONS_STATUS_KEY, JSON.stringify(status));
  } catch {
    // Without storage the pane cannot read the status; the page flag still prevents a repeat.
  }
  return status;
}
