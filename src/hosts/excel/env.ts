/**
 * What the Excel adapter needs from its surroundings, and what the running Excel can do. In the
 * add-in, `run` is `Excel.run` and `isSetSupported` is `Office.context.requirements.isSetSupported`;
 * tests pass the simulated Excel's (dev/excel-sim).
 */
import { HostError } from "../types";

export interface ExcelEnv {
  /** `Excel.run`: one batch of proxy calls against a fresh request context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version?: string): boolean;
  /**
   * Upper bound of cells read in one `sync()`. Excel on the web refuses a request or response over
   * 5 MB; at about 48 bytes a cell for values, text, number format and value type, the default
   * stays near 4 MB. Tests lower it to see a read spread over several syncs.
   */
  maxCellsPerSync?: number;
}

/** The requirement sets the adapter looks at, resolved once per adapter. */
export interface ExcelFeatures {
  /** ExcelApi 1.7: getRangeByIndexes, onChanged, workbook.protection — the adapter's minimum. */
  base: boolean;
  /** ExcelApi 1.8: runtime.enableEvents, dataValidation, showGridlines. */
  events: boolean;
  validation: boolean;
  /** ExcelApi 1.9: fill.pattern (tells no fill from white), pageLayout. */
  pattern: boolean;
  pageLayout: boolean;
  /** ExcelApi 1.12: workbook custom properties (settings). */
  customProperties: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.14: WorksheetChangedEventArgs.triggerSource. */
  triggerSource: boolean;
  /** ExcelApi 1.18: notes (批注). */
  notes: boolean;
  /** ExcelApiOnline 1.1: WorksheetProtection.isPasswordProtected. */
  passwordFlag: boolean;
}

export function detectFeatures(env: ExcelEnv): ExcelFeatures {
  const api = (version: string) => safeSupported(env, "ExcelApi", version);
  return {
    base: api("1.7"),
    events: api("1.8"),
    validation: api("1.8"),
    pattern: api("1.9"),
    pageLayout: api("1.9"),
    customProperties: api("1.12"),
    mergedAreas: api("1.13"),
    triggerSource: api("1.14"),
    notes: api("1.18"),
    passwordFlag: safeSupported(env, "ExcelApiOnline", "1.1"),
  };
}

function safeSupported(env: ExcelEnv, name: string, version: string): boolean {
  try {
    return env.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** One Chinese sentence per missing requirement set: what is missing and what happens instead. */
export function limitationsOf(features: ExcelFeatures): string[] {
  const said: string[] = [];
  if (!features.base) {
    said.push(
      "当前 Excel 版本过旧（不支持 ExcelApi 1.7），绩效自评助手无法读取工作簿；请使用 Excel 2019 或更高版本、Microsoft 365 或网页版 Excel。",
    );
    return said;
  }
  if (!features.events) {
    said.push(
      "当前 Excel 不支持暂停事件和数据验证（ExcelApi 1.8）：插入的模板不带下拉列表和数值范围限制，助手写入单元格后的自动重新校验可能多触发一次。",
    );
  }
  if (!features.pattern) {
    said.push(
      "当前 Excel 无法区分“无填充”和白色底色（需要 ExcelApi 1.9）：清除标记时原为白色底色的单元格会恢复为无填充，插入的模板也不带 A4 打印设置。",
    );
  }
  if (!features.mergedAreas) {
    said.push(
      "当前 Excel 不支持读取合并单元格（需要 ExcelApi 1.13，Excel 2021 或更高版本）：校验时按未合并处理，个别依赖合并单元格的表头可能识别不准。",
    );
  }
  if (!features.customProperties) {
    said.push(
      "当前 Excel 不支持在工作簿中保存设置（需要 ExcelApi 1.12）：所选的评分口径只在本次打开期间有效。",
    );
  }
  if (!features.notes) {
    said.push(
      "当前 Excel 版本不支持批注接口（需要 ExcelApi 1.18，Office 2019/2021/2024 批量授权版没有）：标记时只填充底色，不添加批注，问题说明请在任务窗格中查看。",
    );
  }
  return said;
}

/** The adapter refuses to start a read or write on an Excel below its minimum. */
export function requireBase(features: ExcelFeatures): void {
  if (!features.base) throw new HostError(limitationsOf(features)[0]);
}
