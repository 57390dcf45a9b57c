/**
 * Excel custom functions. The JSDoc blocks below are the source of dist/web/functions.json
 * (CustomFunctionsMetadataPlugin): descriptions and parameter help are what users see in Excel's
 * formula autocomplete, so they are Chinese. Every function only delegates to PERF and converts a
 * PerfError into the CustomFunctions.Error Excel shows.
 *
 * Registration is explicit, from EXCEL_FUNCTIONS below; webpack.config.js turns off the plugin's own
 * appended `CustomFunctions.associate` calls so each id is registered exactly once.
 */
import { PERF, type CellInput, type CellOrRange } from "./perf";
import { toExcelError } from "./excel-errors";

function call<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * 计算预算执行率：全年执行数 ÷ 全年预算数，返回小数（0.9904），请将单元格设为百分比格式。
 * @customfunction RATE
 * @param {any} 全年预算数 全年预算数（调整后预算），数字或文本，如 50、"1,663.27"、"3.5万"
 * @param {any} 全年执行数 全年执行数，数字或文本，如 49.52、"1,404.77"
 * @returns {number} 执行率（小数）
 */
export function rate(全年预算数: any, 全年执行数: any): number {
  return call(() => PERF.RATE(全年预算数 as CellInput, 全年执行数 as CellInput));
}

/**
 * 按评分方案计算预算执行率得分：分值 × min(执行率, 100%)，全国方案四舍五入到 2 位小数。
 * @customfunction RATESCORE
 * @param {any} 执行率 执行率，小数（0.9904）或百分数文本（"99.04%"）
 * @param {any} [分值] 预算执行率的分值，默认 10
 * @param {any} [评分方案] 评分方案名称：national（全国，默认）或 shanghai（上海）等
 * @returns {number} 执行率得分
 */
export function rateScore(执行率: any, 分值?: any, 评分方案?: any): number {
  return call(() => PERF.RATESCORE(执行率 as CellInput, 分值 as CellInput, 评分方案 as CellInput));
}

/**
 * 计算绩效指标得分：达成指标得满分，未达成按完成比例计分（“≤”类超出部分按比例扣分）。
 * @customfunction SCORE
 * @param {any} 年度指标值 年度指标值，如 "≥257"、"≤40万元"、"=8(个)"、"95%"
 * @param {any} 实际完成值 实际完成值，如 248、"42.82万元"、"98%"
 * @param {any} 分值 该指标的分值
 * @param {any} [方向] 指标值未写比较符时的方向："≥"（不少于，默认）或 "≤"（不超过）
 * @returns {number} 指标得分
 */
export function score(年度指标值: any, 实际完成值: any, 分值: any, 方向?: any): number {
  return call(() =>
    PERF.SCORE(
      年度指标值 as CellInput,
      实际完成值 as CellInput,
      分值 as CellInput,
      方向 as CellInput,
    ),
  );
}

/**
 * 汇总得分：可选多个单元格或区域；“—”、空白和“不涉及”不计，其他文本报 #VALUE!。
 * @customfunction TOTAL
 * @param {any[][][]} 得分 得分所在的单元格或区域，可填写多个
 * @returns {number} 总分
 */
export function total(...得分: any[][][]): number {
  return call(() => PERF.TOTAL(...(得分 as CellOrRange[])));
}

/**
 * 根据总分给出评分等级：≥90 优，80–90 良，60–80 中，<60 差。
 * @customfunction GRADE
 * @param {any} 总分 总分
 * @returns {string} 评分等级：优、良、中或差
 */
export function grade(总分: any): string {
  return call(() => PERF.GRADE(总分 as CellInput));
}

/**
 * 计算实际完成值相对年度指标值的偏差率：(实际完成值 − 年度指标值) ÷ 年度指标值，负数表示未达到。
 * @customfunction DEVIATION
 * @param {any} 年度指标值 年度指标值，如 "≥257"、"≤40万元"
 * @param {any} 实际完成值 实际完成值，如 248、"42.82万元"
 * @returns {number} 偏差率（小数）
 */
export function deviation(年度指标值: any, 实际完成值: any): number {
  return call(() => PERF.DEVIATION(年度指标值 as CellInput, 实际完成值 as CellInput));
}

/**
 * 读取单元格中按习惯书写的数字：去掉千分位和空格，“29.616 9 万元”→ 29.6169，“99.06%”→ 0.9906。
 * @customfunction VALUE
 * @param {any} 文本 含数字的文本
 * @returns {number} 数值
 */
export function value(文本: any): number {
  return call(() => PERF.VALUE(文本 as CellInput));
}

/** The one id → function table: registered in Excel below, checked against functions.json in tests. */
export const EXCEL_FUNCTIONS = {
  RATE: rate,
  RATESCORE: rateScore,
  SCORE: score,
  TOTAL: total,
  GRADE: grade,
  DEVIATION: deviation,
  VALUE: value,
} as const;

/** Registers every function with the Excel runtime; returns the ids registered. */
export function registerExcelFunctions(
  associate: (id: string, fn: (...args: any[]) => unknown) => void,
): string[] {
  const ids: string[] = [];
  for (const [id, fn] of Object.entries(EXCEL_FUNCTIONS)) {
    associate(id, fn);
    ids.push(id);
  }
  return ids;
}

// Outside Excel's custom-functions runtime (unit tests, the task pane in a plain browser) there is
// no CustomFunctions global; registering then would throw at import time.
if (typeof CustomFunctions !== "undefined") {
  registerExcelFunctions((id, fn) => CustomFunctions.associate(id, fn));
}

// WPS 表格 registers the functions from the add-in's main page only (src/wps/main.ts): the pane
// page loading this script too would register every function a second time.
