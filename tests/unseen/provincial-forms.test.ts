import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allFindings, checkWorkbook, type FileReport } from "../../src/core/file-report";
import type { Finding, Severity } from "../../src/core/findings";
import { getProfile } from "../../src/core/profiles";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read-buffer";

/**
 * Blind evaluation (issue 9, "Done when"): workbooks laid out after published provincial forms
 * (domain.md §2–§4), built here without looking at the detector, each with the findings a reviewer
 * would expect written down by hand from product.md §2. Half are correct (no error may appear;
 * legitimate warnings and notes are listed with their reason), half carry planted errors (every one
 * must be reported at its cell).
 */

type Value = string | number | null | { v: string | number; fmt: string };

interface SheetSpec {
  name: string;
  rows: Array<[row: number, col: string, values: Value[]]>;
  merges: string[];
}

/** One finding a reviewer expects; `cells` lists the addresses that point at the same fault. */
interface Expected {
  rule: string;
  severity: Severity;
  cells: string[];
  why: string;
  /** Words the message must contain (it says what happened). */
  says?: string;
}

interface Case {
  name: string;
  /** Forms the detector must find. */
  forms: number;
  /** Must be reported (planted errors, and findings product.md requires on a correct form). */
  expected: Expected[];
  /** May be reported without being a false alarm (consequences of a planted error, guidance notes). */
  tolerated?: Expected[];
  /** Rules that may appear at any cell (a blank template is asked for every empty field). */
  anyCell?: string[];
  /** Rules that must not appear at all. */
  absent?: string[];
  sheet: SheetSpec;
}

function colIndex(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

async function build(spec: SheetSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name);
  for (const [row, col, values] of spec.rows) {
    values.forEach((value, i) => {
      if (value === null) return;
      const cell = ws.getCell(row, colIndex(col) + i);
      if (typeof value === "object") {
        cell.value = value.v;
        cell.numFmt = value.fmt;
      } else {
        cell.value = value;
      }
    });
  }
  for (const range of spec.merges) ws.mergeCells(range);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function check(spec: SheetSpec): Promise<FileReport> {
  const grid = await readXlsxBuffer(await build(spec), `${spec.name}.xlsx`);
  return checkWorkbook(`${spec.name}.xlsx`, grid, getProfile("national"));
}

const matches = (f: Finding, e: Expected) =>
  f.rule === e.rule &&
  f.severity === e.severity &&
  e.cells.includes(f.cell) &&
  (e.says === undefined || f.message.includes(e.says));

/** A printed 执行率 typed as text (`96.00%`): product.md §2 number-as-text, a legitimate warning. */
const rateAsText = (cell: string): Expected => ({
  rule: "number-as-text",
  severity: "warning",
  cells: [cell],
  why: "执行率 typed as text: formulas cannot compute with it",
});

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message}`;

// ---------------------------------------------------------------------------------------------
// 1. Sichuan (correct): 预算执行情况(10分) block with 总额 / 财政资金 / 财政专户管理资金 / 单位资金,
//    年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分 / 原因; goals 年初设定目标 /
//    年度总体目标完成情况综述; 权重 and 未完成原因分析; 产出指标(50分) labels; 指标1: prefixes; `/` and
//    `……` placeholder rows; 合计; 评价结论 / 存在问题 / 改进措施 and 负责人 rows; 填表人 notes row.
//    120 / 115.2 → 96.00%, 9.6; total 9.6 + 90 = 99.6.
const sichuan: Case = {
  name: "sichuan-correct",
  forms: 1,
  expected: [rateAsText("F7")],
  sheet: {
    name: "四川-营养改善",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["填报单位（盖章）：XX县教育和体育局", null, null, null, null, null, "单位：万元"]],
      [4, "A", ["项目名称", null, "义务教育学校营养改善计划"]],
      [5, "A", ["主管部门", null, "XX县教育和体育局", null, null, "实施单位", "XX县第一中学"]],
      [6, "A", ["预算执行情况(10分)", null, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]],
      [7, "B", ["总额", 120, 120, 115.2, "96.00%", 10, 9.6]],
      [8, "B", ["其中:财政资金", 100, 100, 96.2, "/", "/", "/"]],
      [9, "B", ["财政专户管理资金", 0, 0, 0, "/", "/", "/"]],
      [10, "B", ["单位资金", 20, 20, 19, "/", "/", "/"]],
      [11, "A", ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述"]],
      [12, "B", ["保障全县约1.2万名义务教育学生营养膳食补助，每生每天5元", null, null, null, "已按标准发放营养膳食补助，惠及学生11860人"]],
      [13, "A", ["一级指标", "二级指标", "三级指标", null, "年度指标值", "实际完成值", "权重", "得分", "未完成原因分析"]],
      [14, "A", ["产出指标(50分)", "数量指标", "指标1:受益学生人数", null, "≥11800人", "11860人", 15, 15]],
      [15, "B", ["质量指标", "指标1:膳食补助标准达标率", null, "100%", "100%", 10, 10]],
      [16, "B", ["时效指标", "指标1:资金发放时间", null, "2023年12月底前完成", "2023年12月完成", 10, 10]],
      [17, "B", ["成本指标", "指标1:生均补助标准", null, "≤5元/人·天", "5元/人·天", 15, 15]],
      [18, "B", ["/", "/", null, "/", "/", "/", "/"]],
      [19, "A", ["效益指标(30分)", "社会效益指标", "指标1:学生营养状况改善率", null, "≥5%", "6.2%", 15, 15]],
      [20, "B", ["可持续影响指标", "指标1:营养改善长效机制", null, "健全", "健全", 15, 15]],
      [21, "B", ["经济效益指标", "……", null, "……"]],
      [22, "A", ["满意度指标(10分)", "服务对象满意度指标", "指标1:学生及家长满意度", null, "≥90%", "95%", 10, 10]],
      [23, "A", ["合计", null, null, null, null, null, 100, 99.6]],
      [24, "A", ["评价结论", null, "项目资金使用规范，绩效目标基本完成。"]],
      [25, "A", ["存在问题", null, "个别学校食堂设施老化。"]],
      [26, "A", ["改进措施", null, "加大食堂设施改造投入。"]],
      [27, "A", ["项目负责人：李四", null, null, null, null, "财务负责人：王五"]],
      [28, "A", ["填表人：赵六    联系电话：0830-1234567    填报日期：2024年3月10日"]],
    ],
    // prettier-ignore
    merges: [
      "A1:J1", "A2:J2", "A3:F3", "G3:J3", "A4:B4", "C4:J4", "A5:B5", "C5:E5", "G5:J5", "A6:A10",
      "I6:J6", "A11:A12", "B11:E11", "F11:J11", "B12:E12", "F12:J12", "C13:D13", "I13:J13",
      "A14:A18", "A19:A21", "A23:F23", "A24:B24", "C24:J24", "A25:B25", "C25:J25", "A26:B26",
      "C26:J26", "A27:E27", "F27:J27", "A28:J28",
      ...[14, 15, 16, 17, 18, 19, 20, 21, 22].flatMap((r) => [`C${r}:D${r}`, `I${r}:J${r}`]),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 2. Guangdong (planted errors): 项目资金(元) in 元, no 年初 column, 全年预算数(A) / 全年执行数(B) /
//    执行率(B/A) (a %-formatted number), two-row indicator head with the target split over
//    指标性质 / 指标值 / 度量单位. 1,250,000 / 1,187,500 = 95% → score 9.5, printed 9.6.
const guangdong: Case = {
  name: "guangdong-planted",
  forms: 1,
  expected: [
    {
      rule: "exec-score-mismatch",
      severity: "error",
      cells: ["I7"],
      why: "95% gives 9.5, 9.6 printed",
    },
    {
      rule: "deviation-unexplained",
      severity: "error",
      cells: ["J14", "I14"],
      why: "19 of ≥20 家, scored 19 of 20, no reason",
    },
    { rule: "grade-mismatch", severity: "error", cells: ["H23"], why: "98.6 is 优, 良 printed" },
  ],
  tolerated: [
    {
      rule: "total-mismatch",
      severity: "error",
      cells: ["I22"],
      why: "98.6 is the sum of the printed scores, but the printed execution score is itself wrong",
    },
  ],
  sheet: {
    name: "广东-基层医疗",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["填报单位：广州市XX区卫生健康局", null, null, null, null, null, null, null, "金额单位：元"]],
      [4, "A", ["项目名称", null, "基层医疗卫生机构能力提升"]],
      [5, "A", ["主管部门", null, "广州市XX区卫生健康局", null, null, null, "实施单位", null, "XX区社区卫生服务中心"]],
      [6, "A", ["项目资金(元)", null, "全年预算数(A)", null, "全年执行数(B)", null, "分值", "执行率(B/A)", "得分"]],
      [7, "A", ["年度资金总额", null, 1250000, null, 1187500, null, 10, { v: 0.95, fmt: "0.00%" }, 9.6]],
      [8, "A", ["其中：财政拨款", null, 1000000, null, 950000, null, "—", "—", "—"]],
      [9, "A", ["其他资金", null, 250000, null, 237500, null, "—", "—", "—"]],
      [10, "A", ["年度总体目标", null, "预期目标", null, null, null, null, "实际完成情况"]],
      [11, "C", ["完成20家社区卫生服务中心设备配置，提升基层诊疗能力", null, null, null, null, "完成19家设备配置，1家因场地改造延期"]],
      [12, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
      [13, "D", ["指标性质", "指标值", "度量单位"]],
      [14, "A", ["产出指标", "数量指标", "设备配置机构数", "≥", 20, "家", 19, 20, 19]],
      [15, "C", ["培训基层医务人员", "≥", 200, "人次", 260, 10, 10, "基层培训需求增加，次年据实调整指标值"]],
      [16, "B", ["质量指标", "设备验收合格率", "=", 100, "%", 100, 10, 10]],
      [17, "B", ["时效指标", "项目完成时间", "≤", 12, "月", 12, 5, 5]],
      [18, "B", ["成本指标", "单台设备采购成本", "≤", 62500, "元", 62500, 5, 5]],
      [19, "A", ["效益指标", "社会效益指标", "基层诊疗人次增长率", "≥", 10, "%", 12, 20, 20]],
      [20, "B", ["可持续影响指标", "设备使用年限", "≥", 5, "年", 5, 10, 10]],
      [21, "A", ["满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥", 90, "%", 93, 10, 10]],
      [22, "A", ["总分", null, null, null, null, null, null, 100, 98.6]],
      [23, "A", ["自评等级", null, null, null, null, null, null, "良"]],
      [24, "A", ["填表人：陈某  联系电话：020-12345678  填表日期：2024年2月"]],
    ],
    // prettier-ignore
    merges: [
      "A1:L1", "A2:L2", "A3:H3", "I3:L3", "A4:B4", "C4:L4", "A5:B5", "C5:F5", "G5:H5", "I5:L5",
      "A6:B6", "C6:D6", "E6:F6", "I6:J6",
      ...[7, 8, 9].flatMap((r) => [`A${r}:B${r}`, `C${r}:D${r}`, `E${r}:F${r}`, `I${r}:J${r}`]),
      "A10:B11", "C10:G10", "H10:L10", "C11:G11", "H11:L11", "A12:A13", "B12:B13", "C12:C13",
      "D12:F12", "G12:G13", "H12:H13", "I12:I13", "J12:L13", "A14:A18", "B14:B15", "A19:A20",
      ...[14, 15, 16, 17, 18, 19, 20, 21].map((r) => `J${r}:L${r}`),
      "A22:G22", "J22:L22", "A23:G23", "H23:L23", "A24:L24",
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 3. Zhejiang (correct): two-row indicator head (绩效指标 over 一级/二级/三级), amounts typed as
//    `50万` / `56万` / `54.32万`, rate and actuals as %-formatted numbers, 2021+ 成本指标 level with
//    a 不涉及 row. 56 / 54.32 = 97% → 9.7; total 9.7 + 89.6 = 99.3.
const zhejiang: Case = {
  name: "zhejiang-correct",
  forms: 1,
  expected: [
    { rule: "number-as-text", severity: "warning", cells: ["C6"], why: "`50万` typed as text" },
    { rule: "number-as-text", severity: "warning", cells: ["D6"], why: "`56万` typed as text" },
    { rule: "number-as-text", severity: "warning", cells: ["E6"], why: "`54.32万` typed as text" },
    { rule: "budget-adjusted", severity: "info", cells: ["D6", "C6"], why: "50 → 56 is +12%" },
  ],
  tolerated: [
    {
      rule: "level1-weights",
      severity: "info",
      cells: ["A14", "A18", "A20", "A22", "F14", "F18", "F20", "F22", "F23"],
      why: "产出 40 / 成本 20 / 效益 20 / 满意度 10 differ from the 50/30/10 guidance",
    },
  ],
  sheet: {
    name: "浙江-数字乡村",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", "数字乡村建设试点"]],
      [4, "A", ["主管部门", "XX市农业农村局", null, null, "实施单位", "XX市农业农村局"]],
      [5, "A", ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
      [6, "B", ["年度资金总额", "50万", "56万", "54.32万", 10, { v: 0.97, fmt: "0.00%" }, 9.7]],
      [7, "B", ["其中：当年财政拨款", 50, 56, 54.32, "—", "—", "—"]],
      [8, "B", ["上年结转资金", 0, 0, 0, "—", "—", "—"]],
      [9, "B", ["其他资金", null, null, null, "—", "—", "—"]],
      [10, "A", ["年度总体目标", "预期目标", null, null, "实际完成情况"]],
      [11, "B", ["建成10个数字化示范村，培训农户500人次", null, null, "建成10个示范村，培训农户480人次"]],
      [12, "A", ["绩效指标", null, null, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
      [13, "A", ["一级指标", "二级指标", "三级指标"]],
      [14, "A", ["产出指标", "数量指标", "建设数字化示范村", "≥10个", "10个", 15, 15]],
      [15, "C", ["培训农户", "≥500人次", "480人次", 10, 9.6, "受疫情影响部分培训延至次年一季度"]],
      [16, "B", ["质量指标", "系统验收合格率", "100%", { v: 1, fmt: "0%" }, 10, 10]],
      [17, "B", ["时效指标", "项目完成时限", "12月底前", "12月底", 5, 5]],
      [18, "A", ["成本指标", "经济成本指标", "单村建设成本", "≤5.6万元", "5.43万元", 20, 20]],
      [19, "B", ["社会成本指标", "不涉及"]],
      [20, "A", ["效益指标", "社会效益指标", "村民数字服务覆盖率", "≥80%", { v: 0.85, fmt: "0%" }, 10, 10]],
      [21, "B", ["可持续影响指标", "平台持续运营年限", "≥3年", "3年", 10, 10]],
      [22, "A", ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "92%", 10, 10]],
      [23, "A", ["总分", null, null, null, null, 100, 99.3]],
      [24, "A", ["评分等级", null, null, null, null, "优"]],
    ],
    // prettier-ignore
    merges: [
      "A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:A9", "A10:A11", "B10:D10", "E10:H10",
      "B11:D11", "E11:H11", "A12:C12", "D12:D13", "E12:E13", "F12:F13", "G12:G13", "H12:H13",
      "A14:A17", "B14:B15", "A18:A19", "A20:A21", "A23:E23", "A24:E24", "F24:H24",
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Hunan (planted errors): 资金情况(万元) with 本年财政拨款 / 上年结余资金, 分值 before the target,
//    `指标1:` prefixes, `>=` / `<=` / `﹦` typed. 300 / 255 = 85% → 8.5 (below 90%).
const hunan: Case = {
  name: "hunan-planted",
  forms: 1,
  expected: [
    rateAsText("G6"),
    { rule: "exec-rate-low", severity: "warning", cells: ["G6"], why: "85% < 90%" },
    {
      rule: "funds-sum-mismatch",
      severity: "warning",
      cells: ["E6"],
      why: "执行 170 + 80 = 250, total 255",
    },
    {
      rule: "score-inconsistent",
      severity: "warning",
      cells: ["G12"],
      why: "1150 of >=1200 公里 scored the full 20 (PERF.SCORE 19.17)",
    },
    {
      rule: "deviation-unexplained",
      severity: "error",
      cells: ["H17", "G17"],
      why: "3% of >=5%, scored 9 of 15, no reason",
    },
    {
      rule: "score-out-of-range",
      severity: "error",
      cells: ["G18"],
      why: "16 above its weight 15",
    },
  ],
  tolerated: [
    {
      rule: "deviation-unexplained",
      severity: "error",
      cells: ["H18", "G18"],
      why: "a score above the weight is itself wrong; asking why is defensible",
    },
  ],
  sheet: {
    name: "湖南-公路养护",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", "农村公路养护"]],
      [4, "A", ["主管部门", "XX县交通运输局", null, null, "实施单位", "XX县公路建设养护中心"]],
      [5, "A", ["资金情况(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
      [6, "B", ["年度资金总额", 300, 300, 255, 10, "85%", 8.5]],
      [7, "B", ["其中：本年财政拨款", 200, 200, 170, "—", "—", "—"]],
      [8, "B", ["上年结余资金", 100, 100, 80, "—", "—", "—"]],
      [9, "A", ["年度总体目标", "预期目标", null, null, null, "实际完成情况"]],
      [10, "B", ["完成农村公路养护1200公里，危桥改造8座", null, null, null, "完成养护1150公里，危桥改造8座"]],
      [11, "A", ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"]],
      [12, "A", ["产出指标", "数量指标", "指标1:养护农村公路里程", 20, ">=1200公里", "1150公里", 20, "部分路段因汛期损毁改为重建"]],
      [13, "C", ["指标2:完成危桥改造", 10, "﹦8座", "8座", 10]],
      [14, "B", ["质量指标", "指标1:路面优良率", 10, ">=85%", "88%", 10]],
      [15, "B", ["时效指标", "指标1:养护任务完成时间", 5, "<=12月", "12月", 5]],
      [16, "B", ["成本指标", "指标1:每公里养护成本", 5, "<=0.25万元", "0.21万元", 5]],
      [17, "A", ["效益指标", "社会效益指标", "指标1:公路安全事故下降率", 15, ">=5%", "3%", 9]],
      [18, "B", ["可持续影响指标", "指标1:养护长效机制", 15, "健全", "健全", 16]],
      [19, "A", ["满意度指标", "服务对象满意度指标", "指标1:沿线群众满意度", 10, ">=90%", "95%", 10]],
      [20, "A", ["总分", null, null, 100, null, null, 93.5]],
      [21, "A", ["评分等级", null, null, "优"]],
    ],
    // prettier-ignore
    merges: [
      "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A8", "A9:A10", "B9:E9", "F9:I9", "B10:E10",
      "F10:I10", "H11:I11", "A12:A16", "B12:B13", "A17:A18", "A20:C20", "A21:C21", "D21:I21",
      ...[12, 13, 14, 15, 16, 17, 18, 19, 20].map((r) => `H${r}:I${r}`),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 5. Henan (correct): the national layout with a 绩效指标 label column, 填表 notes rows, rates typed
//    as text, `……` placeholder row, 自评等级, two forms stacked on one sheet.
function henanForm(top: number, form: HenanForm): SheetSpec["rows"] {
  const r = (offset: number) => top + offset;
  // prettier-ignore
  const rows: SheetSpec["rows"] = [
    [r(0), "A", ["项目支出绩效自评表"]],
    [r(1), "A", ["（2023年度）"]],
    [r(2), "A", ["填报单位：XX市民政局（盖章）", null, null, null, null, "单位：万元"]],
    [r(3), "A", ["项目名称", null, form.name]],
    [r(4), "A", ["主管部门", null, "XX市民政局", null, null, "实施单位", form.unit]],
    [r(5), "A", ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
    [r(6), "C", ["年度资金总额", ...form.total, 10, form.rate, form.score]],
    [r(7), "C", ["其中：当年财政拨款", ...form.current, "—", "—", "—"]],
    [r(8), "C", ["上年结转资金", ...form.carried, "—", "—", "—"]],
    [r(9), "C", ["其他资金", ...form.other, "—", "—", "—"]],
    [r(10), "A", ["年度总体目标", null, "预期目标", null, null, "实际完成情况"]],
    [r(11), "C", [form.goal, null, null, form.done]],
    [r(12), "A", ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
  ];
  form.indicators.forEach((values, i) => rows.push([r(13 + i), "B", values]));
  const end = r(13 + form.indicators.length);
  rows.push([end, "A", ["总分", null, null, null, null, null, 100, form.totalScore]]);
  rows.push([end + 1, "A", ["自评等级", null, null, null, null, null, form.grade]]);
  rows.push([end + 2, "A", ["填表人：钱八    审核人：周九    联系电话：0371-6666666"]]);
  return rows;
}

interface HenanForm {
  name: string;
  unit: string;
  total: Value[];
  current: Value[];
  carried: Value[];
  other: Value[];
  rate: Value;
  score: number;
  goal: string;
  done: string;
  indicators: Value[][];
  /** Rows (from the first indicator row, 0-based) where 一级 / 二级 groups are merged. */
  merges: (top: number) => string[];
  totalScore: number;
  grade: string;
}

function henanMerges(top: number, count: number): string[] {
  const r = (offset: number) => top + offset;
  const end = r(13 + count);
  return [
    `A${r(0)}:I${r(0)}`,
    `A${r(1)}:I${r(1)}`,
    `A${r(2)}:E${r(2)}`,
    `F${r(2)}:I${r(2)}`,
    `A${r(3)}:B${r(3)}`,
    `C${r(3)}:I${r(3)}`,
    `A${r(4)}:B${r(4)}`,
    `C${r(4)}:E${r(4)}`,
    `G${r(4)}:I${r(4)}`,
    `A${r(5)}:B${r(9)}`,
    `A${r(10)}:B${r(11)}`,
    `C${r(10)}:E${r(10)}`,
    `F${r(10)}:I${r(10)}`,
    `C${r(11)}:E${r(11)}`,
    `F${r(11)}:I${r(11)}`,
    `A${r(12)}:A${r(12 + count)}`,
    `A${end}:F${end}`,
    `A${end + 1}:F${end + 1}`,
    `G${end + 1}:I${end + 1}`,
    `A${end + 2}:I${end + 2}`,
  ];
}

// 800 / 792.5 = 99.0625% → "99.06%", 9.91; total 9.91 + 90 = 99.91.
const henanRelief: HenanForm = {
  name: "城乡困难群众救助",
  unit: "XX市社会救助服务中心",
  total: [800, 800, 792.5],
  current: [700, 700, 695],
  carried: [100, 100, 97.5],
  other: ["—", "—", "—"],
  rate: "99.06%",
  score: 9.91,
  goal: "保障5000名以上困难群众基本生活，资金准确及时发放",
  done: "救助困难群众5230人，资金按月足额发放",
  indicators: [
    ["产出指标", "数量指标", "救助困难群众人数", "≥5000人", "5230人", 20, 20],
    [null, "质量指标", "救助资金发放准确率", "100%", "100%", 10, 10],
    [null, "时效指标", "资金发放及时率", "≥95%", "98%", 10, 10],
    [null, "成本指标", "人均救助标准", "≤1500元/人", "1500元/人", 10, 10],
    [null, null, "……", "……"],
    ["效益指标", "社会效益指标", "困难群众基本生活保障率", "100%", "100%", 20, 20],
    [null, "可持续影响指标", "救助制度运行", "持续优化", "持续优化", 10, 10],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "96%", 10, 10],
  ],
  merges: (top) => [`B${top + 13}:B${top + 17}`, `B${top + 18}:B${top + 19}`],
  totalScore: 99.91,
  grade: "优",
};

// 45 / 41.4 = 92% → 9.2 (年初 60: budget cut by 25%); total 9.2 + 89.5 = 98.7.
const henanElderly: HenanForm = {
  name: "社区居家养老服务补贴",
  unit: "XX市养老服务指导中心",
  total: [60, 45, 41.4],
  current: [60, 45, 41.4],
  carried: [0, 0, 0],
  other: [null, null, null],
  rate: "92.00%",
  score: 9.2,
  goal: "补贴12家养老服务机构，新增养老床位100张",
  done: "补贴12家机构，新增床位90张",
  indicators: [
    ["产出指标", "数量指标", "补贴养老服务机构", "≥12家", "12家", 20, 20],
    [
      null,
      null,
      "新增养老床位",
      "≥100张",
      "90张",
      5,
      4.5,
      "部分机构改造滞后，已督促于次年一季度完成",
    ],
    [null, "质量指标", "服务质量达标率", "≥90%", "92%", 15, 15],
    [null, "时效指标", "补贴发放时间", "年底前完成", "已完成", 10, 10],
    [null, "成本指标", "不涉及"],
    ["效益指标", "社会效益指标", "受益老年人数", "≥3000人", "3200人", 20, 20],
    [null, "可持续影响指标", "养老服务长效机制", "健全", "健全", 10, 10],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥85%", "90%", 10, 10],
  ],
  merges: (top) => [
    `B${top + 13}:B${top + 17}`,
    `B${top + 18}:B${top + 19}`,
    `C${top + 13}:C${top + 14}`,
  ],
  totalScore: 98.7,
  grade: "优",
};

const HENAN_SECOND = 1 + 13 + henanRelief.indicators.length + 3 + 2; // two blank rows between
const henan: Case = {
  name: "henan-correct",
  forms: 2,
  expected: [
    rateAsText("H7"),
    rateAsText(`H${HENAN_SECOND + 6}`),
    {
      rule: "budget-adjusted",
      severity: "info",
      cells: [`E${HENAN_SECOND + 6}`, `D${HENAN_SECOND + 6}`],
      why: "second form: 年初 60 → 全年 45 (-25%)",
    },
  ],
  sheet: {
    name: "河南-民政",
    rows: [...henanForm(1, henanRelief), ...henanForm(HENAN_SECOND, henanElderly)],
    // prettier-ignore
    merges: [
      ...henanMerges(1, henanRelief.indicators.length),
      ...henanRelief.merges(1),
      ...henanMerges(HENAN_SECOND, henanElderly.indicators.length),
      ...henanElderly.merges(HENAN_SECOND),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 6. Jiangsu (planted errors): 全年预算数(A) / 全年执行数(B) / 执行率(B/A), a 绩效指标(90分) heading
//    row, 完成值 and 未完成原因及拟采取的改进措施, 合计. 420 / 399 = 95%, printed 96%.
const jiangsu: Case = {
  name: "jiangsu-planted",
  forms: 1,
  expected: [
    rateAsText("G6"),
    {
      rule: "exec-rate-mismatch",
      severity: "error",
      cells: ["G6"],
      why: "399 / 420 = 95%, 96% printed",
    },
    {
      rule: "not-applicable-scored",
      severity: "warning",
      cells: ["F17", "G17"],
      why: "a 不涉及 row carries weight 5 and score 5",
    },
    {
      rule: "total-mismatch",
      severity: "error",
      cells: ["G22"],
      why: "printed scores add to 99.5, 95.5 printed",
    },
    {
      rule: "grade-mismatch",
      severity: "error",
      cells: ["F23"],
      why: "95.5 (or 99.5) is 优, 良 printed",
    },
  ],
  sheet: {
    name: "江苏-公园养护",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", "城市公园绿地养护"]],
      [4, "A", ["主管部门", "XX市园林局", null, null, "实施单位", "XX市公园管理处"]],
      [5, "A", ["项目资金（万元）", null, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"]],
      [6, "B", ["年度资金总额", 420, 420, 399, 10, "96%", 9.5]],
      [7, "B", ["其中：当年财政拨款", 420, 420, 399, "—", "—", "—"]],
      [8, "B", ["上年结转资金", 0, 0, 0, "—", "—", "—"]],
      [9, "B", ["其他资金", null, null, null, "—", "—", "—"]],
      [10, "A", ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述"]],
      [11, "B", ["养护城市公园绿地120万平方米，补植苗木5000株", null, null, null, "养护绿地121万平方米，补植苗木5200株"]],
      [12, "A", ["绩效指标(90分)"]],
      [13, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "完成值", "分值", "得分", "未完成原因及拟采取的改进措施"]],
      [14, "A", ["产出指标", "数量指标", "养护绿地面积", "≥120万平方米", "121万平方米", 20, 20]],
      [15, "B", ["质量指标", "绿化养护达标率", "≥95%", "96%", 10, 10]],
      [16, "B", ["时效指标", "养护作业及时率", "≥95%", "97%", 10, 10]],
      [17, "B", ["成本指标", "不涉及", null, null, 5, 5]],
      [18, "B", ["数量指标", "补植苗木", "≥5000株", "5200株", 10, 10]],
      [19, "A", ["效益指标", "生态效益指标", "绿化覆盖率", "≥40%", "41%", 15, 15]],
      [20, "B", ["社会效益指标", "市民休闲游憩需求满足度", "显著提高", "显著提高", 10, 10]],
      [21, "A", ["满意度指标", "服务对象满意度指标", "游园市民满意度", "≥90%", "93%", 10, 10]],
      [22, "A", ["合计", null, null, null, null, 100, 95.5]],
      [23, "A", ["评分等级", null, null, null, null, "良"]],
    ],
    // prettier-ignore
    merges: [
      "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "A10:A11", "B10:E10", "F10:I10",
      "B11:E11", "F11:I11", "A12:I12", "H13:I13", "A14:A18", "A19:A20", "A22:E22", "A23:E23",
      "F23:I23",
      ...[14, 15, 16, 17, 18, 19, 20, 21, 22].map((r) => `H${r}:I${r}`),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 7. Shandong (correct): the form starts in column B, title and year in one cell, 项目负责人 /
//    联系电话 row, amounts typed as text with thousands separators, 一级 printed on the group's first
//    row with blanks below (no merges), targets in words. 1,663.27 / 1,404.77 = 84.458% → 84.46%,
//    8.45 (below 90%: the reason is given in 实际完成情况); total 8.45 + 90 = 98.45.
const shandong: Case = {
  name: "shandong-correct",
  forms: 1,
  expected: [
    rateAsText("H6"),
    { rule: "number-as-text", severity: "warning", cells: ["D6"], why: "`1,663.27` typed as text" },
    { rule: "number-as-text", severity: "warning", cells: ["E6"], why: "`1,663.27` typed as text" },
    { rule: "number-as-text", severity: "warning", cells: ["F6"], why: "`1,404.77` typed as text" },
    { rule: "exec-rate-low", severity: "warning", cells: ["H6"], why: "84.46% < 90%" },
  ],
  sheet: {
    name: "山东-人才培训",
    // prettier-ignore
    rows: [
      [1, "B", ["项目支出绩效自评表（2023年度）"]],
      [2, "B", ["项目名称", "乡村振兴人才培训"]],
      [3, "B", ["主管部门", "XX市人力资源和社会保障局", null, null, "实施单位", "XX市职业技能鉴定中心"]],
      [4, "B", ["项目负责人", "孙七", null, null, "联系电话", "0531-87654321"]],
      [5, "B", ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
      [6, "C", ["年度资金总额", "1,663.27", "1,663.27", "1,404.77", 10, "84.46%", 8.45]],
      [7, "C", ["其中：当年财政拨款", 1663.27, 1663.27, 1404.77, "—", "—", "—"]],
      [8, "C", ["上年结转资金", "—", "—", "—", "—", "—", "—"]],
      [9, "C", ["其他资金", "—", "—", "—", "—", "—", "—"]],
      [10, "B", ["年度总体目标", "预期目标", null, null, null, "实际完成情况"]],
      [11, "C", ["培训乡村振兴人才2000人次以上", null, null, null, "完成培训2100人次；部分培训班合并举办，结余资金258.5万元已按规定收回"]],
      [12, "B", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
      [13, "B", ["产出指标", "数量指标", "培训人次", "不少于2000人次", "2100人次", 20, 20]],
      [14, "C", ["质量指标", "培训合格率", "达到90%", "93%", 15, 15]],
      [15, "C", ["时效指标", "培训完成时间", "11 月底前", "11月", 5, 5]],
      [16, "C", ["成本指标", "人均培训成本", "不超过0.8万元", "0.67万元", 10, 10]],
      [17, "B", ["效益指标", "社会效益指标", "培训后就业率", "≥70%", "75%", 20, 20]],
      [18, "C", ["可持续影响指标", "持证人员持续从业比例", "≥60%", "65%", 10, 10]],
      [19, "B", ["满意度指标", "服务对象满意度指标", "学员满意度", "98%以上", "98.5%", 10, 10]],
      [20, "B", ["总分", null, null, null, null, 100, 98.45]],
      [21, "B", ["评分等级", null, null, null, null, "优"]],
    ],
    // prettier-ignore
    merges: [
      "B1:J1", "C2:J2", "C3:E3", "G3:J3", "C4:E4", "G4:J4", "B5:B9", "B10:B11", "C10:F10",
      "G10:J10", "C11:F11", "G11:J11", "B20:F20", "B21:F21", "G21:J21",
      ...[12, 13, 14, 15, 16, 17, 18, 19, 20].map((r) => `I${r}:J${r}`),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 8. Hebei-style (planted errors): 资金情况(万元) with 年初预算, 年度绩效指标完成情况 heading row,
//    全年实际值, 权重, 产出指标(55分) labels. 80 / 78 = 97.5% → 9.75.
const hebei: Case = {
  name: "hebei-planted",
  forms: 1,
  expected: [
    rateAsText("G6"),
    { rule: "required-field", severity: "error", cells: ["B4"], why: "主管部门 left empty" },
    { rule: "invalid-number", severity: "error", cells: ["C6"], why: "年初预算 `待定`" },
    {
      rule: "overachievement-unexplained",
      severity: "warning",
      cells: ["E14", "H14", "G14"],
      why: "21 场 against ≥10 场 (210%) with no explanation",
    },
    {
      rule: "deviation-unexplained",
      severity: "error",
      cells: ["H16", "G16"],
      why: "90% of ≥95%, scored 9.47 of 10, reason `无`",
    },
    { rule: "target-not-quantified", severity: "info", cells: ["D19"], why: "`宣传工作需要`" },
    {
      rule: "weight-sum",
      severity: "error",
      cells: ["F21", "G21"],
      why: "10 + 55 + 30 + 10 = 105, 100 printed",
    },
  ],
  tolerated: [
    {
      rule: "level1-weights",
      severity: "info",
      cells: ["A14", "F14", "F21"],
      why: "产出 55 differs from the 50 guidance",
    },
  ],
  sheet: {
    name: "河北-全民健身",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", "全民健身赛事活动"]],
      [4, "A", ["主管部门", null, null, null, "实施单位", "XX市体育事业发展中心"]],
      [5, "A", ["资金情况(万元)", null, "年初预算", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
      [6, "B", ["年度资金总额", "待定", 80, 78, 10, "97.50%", 9.75]],
      [7, "B", ["其中：当年财政拨款", null, 80, 78, "—", "—", "—"]],
      [8, "B", ["上年结转资金", null, 0, 0, "—", "—", "—"]],
      [9, "B", ["其他资金", null, 0, 0, "—", "—", "—"]],
      [10, "A", ["年度总体目标", "预期目标", null, null, "实际完成情况"]],
      [11, "B", ["举办全民健身赛事10场以上，参与群众5万人次", null, null, "举办赛事21场，参与群众5.6万人次"]],
      [12, "A", ["年度绩效指标完成情况"]],
      [13, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "权重", "得分", "偏差原因分析及改进措施"]],
      [14, "A", ["产出指标(55分)", "数量指标", "举办赛事场次", "≥10场", "21场", 25, 25]],
      [15, "B", ["质量指标", "赛事组织规范率", "100%", "100%", 10, 10]],
      [16, "B", ["时效指标", "赛事按计划举办率", "≥95%", "90%", 10, 9.47, "无"]],
      [17, "B", ["成本指标", "单场赛事平均成本", "≤4万元", "3.71万元", 10, 10]],
      [18, "A", ["效益指标(30分)", "社会效益指标", "参与群众人次", "≥5万人次", "5.6万人次", 20, 20]],
      [19, "B", ["可持续影响指标", "全民健身氛围", "宣传工作需要", "氛围浓厚", 10, 10]],
      [20, "A", ["满意度指标(10分)", "服务对象满意度指标", "参赛群众满意度", "≥90%", "94%", 10, 10]],
      [21, "A", ["总分", null, null, null, null, 100, 104.22]],
      [22, "A", ["评分等级", null, null, null, null, "优"]],
    ],
    // prettier-ignore
    merges: [
      "A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:A9", "A10:A11", "B10:D10", "E10:H10",
      "B11:D11", "E11:H11", "A12:H12", "A14:A17", "A18:A19", "A21:E21", "A22:E22", "F22:H22",
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 9. Sichuan without a 年初 column (planted errors, printed precision and units): 76万 / 72.47万 is
//    95.34–95.37% (domain.md §4), so 95% is right and a score of 9 is wrong; 权重 before a target
//    split over 指标性质 / 指标值 / 度量单位; an "at most" 1500 元/人 target against an actual typed
//    in 万元 (0.16万元 = 1600 元: missed, yet full marks and no reason); a qualitative indicator
//    stated 部分达成 (60–80% band) scored the full 10.
const sichuanPrecision: Case = {
  name: "sichuan-precision-planted",
  forms: 1,
  expected: [
    { rule: "number-as-text", severity: "warning", cells: ["C6"], why: "`76万` typed as text" },
    { rule: "number-as-text", severity: "warning", cells: ["D6"], why: "`72.47万` typed as text" },
    rateAsText("E6"),
    {
      rule: "exec-score-mismatch",
      severity: "error",
      cells: ["G6"],
      why: "95.34–95.37% gives 9.53–9.54, 9 printed",
    },
    {
      rule: "score-inconsistent",
      severity: "warning",
      cells: ["I15"],
      why: "0.16万元 = 1600 元 exceeds ≤1500 元 yet full 15 (PERF.SCORE 14)",
      says: "超出指标值",
    },
    {
      rule: "deviation-unexplained",
      severity: "error",
      cells: ["J15", "I15"],
      why: "missed ≤1500 元, no reason",
    },
    {
      rule: "score-out-of-range",
      severity: "error",
      cells: ["I17"],
      why: "部分达成 scored 10 of 10 (band 60–80%)",
    },
  ],
  tolerated: [
    {
      rule: "number-as-text",
      severity: "warning",
      cells: ["H15"],
      why: "actual typed with its unit",
    },
    {
      rule: "total-mismatch",
      severity: "error",
      cells: ["I19"],
      why: "99 adds the printed scores, but the printed execution score is itself wrong",
    },
  ],
  sheet: {
    name: "四川-医保宣传",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", null, "城乡居民基本医疗保险政策宣传"]],
      [4, "A", ["主管部门", null, "XX区医疗保障局", null, null, "实施单位", null, "XX区医疗保障事务中心"]],
      [5, "A", ["预算执行情况(10分)", null, "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]],
      [6, "B", ["总额", "76万", "72.47万", "95%", 10, 9]],
      [7, "B", ["其中:财政资金", 76, 72.47, "/", "/", "/"]],
      [8, "B", ["单位资金", "/", "/", "/", "/", "/"]],
      [9, "A", ["年度总体目标", "年初设定目标", null, null, null, null, "年度总体目标完成情况综述"]],
      [10, "B", ["发放宣传资料5000份，政策知晓率90%以上", null, null, null, null, "发放资料5200份，知晓率92%"]],
      [11, "A", ["一级指标", "二级指标", "三级指标", "权重", "指标性质", "指标值", "度量单位", "完成值", "得分", "未完成原因分析"]],
      [12, "A", ["产出指标(50分)", "数量指标", "指标1:发放宣传资料", 20, "≥", 5000, "份", 5200, 20]],
      [13, "B", ["质量指标", "指标1:宣传覆盖率", 10, "=", 100, "%", 100, 10]],
      [14, "B", ["时效指标", "指标1:宣传完成时间", 5, "≤", 10, "月", 10, 5]],
      [15, "B", ["成本指标", "指标1:人均宣传成本", 15, "≤", 1500, "元/人", "0.16万元/人", 15]],
      [16, "A", ["效益指标(30分)", "社会效益指标", "指标1:参保政策知晓率", 20, "≥", 90, "%", 92, 20]],
      [17, "B", ["可持续影响指标", "指标1:宣传长效机制", 10, "定性", "建立长效机制", null, "部分达成并具有一定效果", 10, "机制文件尚在审批中"]],
      [18, "A", ["满意度指标(10分)", "服务对象满意度指标", "指标1:群众满意度", 10, "≥", 85, "%", 90, 10]],
      [19, "A", ["合计", null, null, 100, null, null, null, null, 99]],
      [20, "A", ["评价结论", null, null, "绩效目标基本实现。"]],
      [21, "A", ["项目负责人：吴十", null, null, null, null, null, "财务负责人：郑一"]],
    ],
    // prettier-ignore
    merges: [
      "A1:K1", "A2:K2", "A3:B3", "C3:K3", "A4:B4", "C4:E4", "F4:G4", "H4:K4", "A5:A8", "H5:K5",
      "H6:K6", "H7:K7", "H8:K8", "A9:A10", "B9:F9", "G9:K9", "B10:F10", "G10:K10", "A12:A15",
      "A16:A17", "A19:C19", "A20:C20", "D20:K20", "A21:F21", "G21:K21",
      ...[11, 12, 13, 14, 15, 16, 17, 18, 19].map((r) => `J${r}:K${r}`),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 10. Zhejiang (correct, but every value a trap for a false alarm): 45 / 45 shown as a 0%-formatted
//     1; seed 001's 257 → 248 scored 4.8 (4.82 printed to one decimal) with a reason; `1-2 批次`,
//     `约30人`, `＝100%`, `≧`, `≤12个月`; an "at most" 40万元 cost exceeded (42.82万元 → 4.65) with a
//     reason; a qualitative 部分达成 scored 7 of 10 (inside 60–80%) with a reason; `-` breakdowns;
//     满意度 ≥85% → 100% (a percentage is never "far beyond"). Total 96.45.
const zhejiangTraps: Case = {
  name: "zhejiang-traps-correct",
  forms: 1,
  expected: [],
  sheet: {
    name: "浙江-干部培训",
    // prettier-ignore
    rows: [
      [1, "A", ["项目支出绩效自评表"]],
      [2, "A", ["（2023年度）"]],
      [3, "A", ["项目名称", "年轻干部能力提升培训"]],
      [4, "A", ["主管部门", "XX市委组织部", null, null, "实施单位", "XX市委党校"]],
      [5, "A", ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
      [6, "B", ["年度资金总额", 45, 45, 45, 10, { v: 1, fmt: "0%" }, 10]],
      [7, "B", ["其中：当年财政拨款", 45, 45, 45, "—", "—", "—"]],
      [8, "B", ["上年结转资金", "-", "-", "-", "—", "—", "—"]],
      [9, "B", ["其他资金", "-", "-", "-", "—", "—", "—"]],
      [10, "A", ["年度总体目标", "预期目标", null, null, "实际完成情况"]],
      [11, "B", ["招聘培训岗位257个，举办培训1-2批次", null, null, "招聘248人，举办培训2批次"]],
      [12, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
      [13, "A", ["产出指标", "数量指标", "招聘岗位人数", "≧257人", "248人", 5, 4.8, "部分岗位无人报考，已调整至下年度招聘计划"]],
      [14, "C", ["组织培训批次", "1-2 批次", "2批次", 10, 10]],
      [15, "C", ["参训人员", "约30人", "30人", 10, 10]],
      [16, "B", ["质量指标", "培训合格率", "＝100%", "100%", 10, 10]],
      [17, "C", ["课程评估优良率", "≥90%", "92%", 5, 5]],
      [18, "B", ["时效指标", "培训完成时限", "≤12个月", "11个月", 5, 5]],
      [19, "B", ["成本指标", "培训总成本", "≤40万元", "42.82万元", 5, 4.65, "参训人数增加导致成本超支，下年度严格控制"]],
      [20, "A", ["效益指标", "社会效益指标", "干部履职能力", "明显提升", "部分达成并具有一定效果", 10, 7, "部分课程实操性不足，下年度增加案例教学"]],
      [21, "B", ["可持续影响指标", "培训成果转化", "≥3项", "3项", 20, 20]],
      [22, "A", ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥85%", "100%", 10, 10]],
      [23, "A", ["总分", null, null, null, null, 100, 96.45]],
      [24, "A", ["评分等级", null, null, null, null, "优"]],
    ],
    // prettier-ignore
    merges: [
      "A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:A9", "A10:A11", "B10:D10", "E10:H10",
      "B11:D11", "E11:H11", "A13:A19", "B13:B15", "B16:B17", "A20:A21", "A23:E23", "A24:E24",
      "F24:H24",
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 11. The Guangdong layout as a blank template (issue 9 item 7): 分值 10 and 总分 100 printed,
//     nothing filled. required-field asks for the blanks; weight-sum must stay silent.
const blankRows: SheetSpec["rows"] = guangdong.sheet.rows.map(([row, col, values]) => {
  if (row === 4 || row === 5)
    return [row, col, values.map((v, i) => (i === 2 || i === 8 ? null : v))];
  if (row === 11) return [row, col, []];
  if (row >= 7 && row <= 9)
    return [row, col, values.map((v, i) => (i < 2 || (row === 7 && i === 6) ? v : null))];
  if (row >= 14 && row <= 21)
    return [row, col, values.map((v, i) => ((col === "A" ? i < 2 : i < 1) ? v : null))];
  if (row === 22) return [row, col, values.map((v, i) => (i === 8 ? null : v))];
  if (row === 23) return [row, col, values.map((v, i) => (i === 7 ? null : v))];
  return [row, col, values];
});
const guangdongBlank: Case = {
  name: "guangdong-blank-template",
  forms: 1,
  expected: [{ rule: "required-field", severity: "error", cells: ["C4"], why: "项目名称 empty" }],
  anyCell: ["required-field"],
  absent: ["weight-sum", "total-mismatch", "grade-mismatch", "exec-score-mismatch"],
  sheet: { name: "广东-空白模板", rows: blankRows, merges: guangdong.sheet.merges },
};

const cases: Case[] = [
  sichuan,
  guangdong,
  zhejiang,
  hunan,
  henan,
  jiangsu,
  shandong,
  hebei,
  sichuanPrecision,
  zhejiangTraps,
  guangdongBlank,
];

describe("unseen provincial forms (blind evaluation)", () => {
  for (const c of cases) {
    describe(c.name, () => {
      let report: FileReport;
      const findings = () => allFindings(report);

      it("is read and its forms are found", async () => {
        report = await check(c.sheet);
        // Printed for the evaluation report: every finding the engine gave.
        console.log(
          `[${c.name}] ${report.forms.length} form(s)\n  ${findings().map(line).join("\n  ")}`,
        );
        expect(report.unreadable ?? false).toBe(false);
        expect(report.forms).toHaveLength(c.forms);
      });

      it("reports every expected finding at its cell", () => {
        const missed = c.expected.filter((e) => !findings().some((f) => matches(f, e)));
        expect(missed.map((e) => `${e.rule} ${e.cells.join("|")} (${e.why})`)).toEqual([]);
      });

      it("raises no error or warning beyond those expected or tolerated", () => {
        const allowed = [...c.expected, ...(c.tolerated ?? [])];
        const extra = findings().filter(
          (f) =>
            f.severity !== "info" &&
            !(c.anyCell ?? []).includes(f.rule) &&
            !allowed.some((e) => matches(f, e)),
        );
        expect(extra.map(line)).toEqual([]);
      });

      if (c.absent) {
        it(`reports none of ${c.absent.join(", ")}`, () => {
          const present = findings().filter((f) => c.absent?.includes(f.rule));
          expect(present.map(line)).toEqual([]);
        });
      }
    });
  }
});
