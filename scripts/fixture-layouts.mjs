// Lays out fixture FormData (tests/fixtures/forms/*.json, see docs in tests/fixtures) into exceljs
// worksheets the way real 项目支出绩效自评表 workbooks look, and records the A1 address of every
// field so goldens can say where a finding must point. Plain ESM JavaScript on purpose: the CLI
// (scripts/build-fixtures.mjs), the fixture test and the benchmark all run it with bare `node`.

import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

/** Column number (1-based) → letters. */
export function columnLetters(col) {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C4" → { row: 4, col: 3 }. */
export function parseA1(a1) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`bad A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const a1 = (row, col) => `${columnLetters(col)}${row}`;

/** Label sets: "standard" as the seeds print them, "messy" as people retype them in Excel. */
const LABELS = {
  beijing: {
    standard: {
      funds: ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      weight: "分值",
    },
    messy: {
      funds: ["年初预\n算数", "全年\n预算数", "全年执行数", "分 值", "执行率(%)", "得 分"],
      weight: "分 值",
    },
  },
  shanghai: {
    standard: {
      funds: ["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"],
      weight: "分值",
    },
    messy: {
      funds: ["年初预\n算数", "全年\n预算数", "全年执行数", "分 数", "执行率\n(%)", "得分"],
      weight: "分 值",
    },
  },
};

const FUND_ROWS = [
  ["total", { beijing: "年度资金总额", shanghai: "年度资金总额:" }],
  ["appropriation", { beijing: "其中：当年财政拨款", shanghai: "其中：当年财政拨款" }],
  ["carryover", { beijing: "上年结转资金", shanghai: "上年结转资金" }],
  ["other", { beijing: "其他资金", shanghai: "其他资金" }],
];
const FUND_FIELDS = ["initial", "budget", "executed", "weight", "rate", "score"];
const INDICATOR_HEADS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"];

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * How a printed value is stored. Beijing workbooks hold plain numbers in General format (only
 * when General would display the same text, so "30.00" stays text); Shanghai workbooks hold
 * every number with a fixed-decimals format so "1,663.27" and "10.00" display as printed.
 */
function storedValue(text, layout) {
  if (text === "" || text === null || text === undefined) return { value: null };
  if (layout === "beijing") {
    if (PLAIN_NUMBER.test(text) && String(Number(text)) === text) return { value: Number(text) };
    return { value: text };
  }
  const grouped = GROUPED_NUMBER.test(text);
  if (grouped || PLAIN_NUMBER.test(text)) {
    const decimals = (text.split(".")[1] ?? "").length;
    const body = decimals ? `0.${"0".repeat(decimals)}` : "0";
    return {
      value: Number(text.replace(/,/g, "")),
      numFmt: grouped ? `#,##0${body.slice(1)}` : body,
    };
  }
  return { value: text };
}

const THIN = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes one form into `ws` with its top-left corner at `origin` and returns where everything
 * went: `cells` maps the fixture `at` paths (projectName, funds.total.rate, indicators[3].score,
 * total.score, grade, …) to A1 addresses, including addresses of cells the form leaves out
 * (a missing funds 得分 column) so a finding about them still has a place.
 *
 * @param {import("exceljs").Worksheet} ws
 * @param {object} form FormData as in tests/fixtures/forms/*.json
 * @param {{ layout?: "beijing" | "shanghai", origin?: string, labels?: "standard" | "messy" }} [options]
 * @returns {{ sheet: string, range: string, firstRow: number, lastRow: number, cells: Record<string, string> }}
 */
export function layoutForm(ws, form, options = {}) {
  const layout = options.layout ?? "beijing";
  const labels = LABELS[layout][options.labels ?? "standard"];
  const { row: top, col: left } = parseA1(options.origin ?? "A1");
  const width = layout === "beijing" ? 9 : 8;
  const cells = {};
  let r = 0;

  const cell = (rr, cc) => ws.getCell(top + rr, left + cc);
  const put = (rr, cc, text, opts = {}) => {
    const c = cell(rr, cc);
    const { value, numFmt } = opts.raw
      ? { value: text === "" ? null : text }
      : storedValue(text, layout);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
    c.border = BORDER;
    if (typeof value === "string" && (value.length > 12 || value.includes("\n"))) {
      c.alignment = { wrapText: true, vertical: "middle" };
    }
    if (opts.path) cells[opts.path] = a1(top + rr, left + cc);
    return c;
  };
  const merge = (r1, c1, r2, c2) => {
    if (r1 === r2 && c1 === c2) return;
    ws.mergeCells(top + r1, left + c1, top + r2, left + c2);
  };
  const at = (rr, cc) => a1(top + rr, left + cc);

  // Title and year.
  put(r, 0, form.title, { raw: true, path: "title" }).font = { bold: true, size: 14 };
  cell(r, 0).alignment = { horizontal: "center" };
  merge(r, 0, r, width - 1);
  r++;
  put(r, 0, layout === "beijing" ? `（${form.year}年度）` : `(${form.year} 年度)`, { raw: true });
  cell(r, 0).alignment = { horizontal: "center" };
  merge(r, 0, r, width - 1);
  r++;

  // Header: 项目名称, 主管部门 + 实施单位, optional 项目负责人 + 联系电话.
  const labelSpan = layout === "beijing" ? 0 : 1;
  const valueStart = labelSpan + 1;
  const half = 4; // column of the second label (实施单位, 联系电话) in both layouts
  put(r, 0, "项目名称", { raw: true });
  merge(r, 0, r, labelSpan);
  put(r, valueStart, form.projectName, { raw: true, path: "projectName" });
  merge(r, valueStart, r, width - 1);
  r++;
  const pairRow = (label1, value1, path1, label2, value2, path2) => {
    put(r, 0, label1, { raw: true });
    merge(r, 0, r, labelSpan);
    put(r, valueStart, value1 ?? "", { raw: true, path: path1 });
    merge(r, valueStart, r, half - 1);
    put(r, half, label2, { raw: true });
    merge(r, half, r, half + labelSpan);
    put(r, half + labelSpan + 1, value2 ?? "", { raw: true, path: path2 });
    merge(r, half + labelSpan + 1, r, width - 1);
    r++;
  };
  pairRow("主管部门", form.department, "department", "实施单位", form.implementer, "implementer");
  if (form.leader !== undefined || form.phone !== undefined) {
    pairRow("项目负责人", form.leader, "leader", "联系电话", form.phone, "phone");
  }

  // 项目资金（万元）: label column merged down, row labels next to it, six value columns.
  const fundsTop = r;
  const hasScore = form.funds.hasScoreColumn !== false;
  put(r, 0, "项目资金（万元）", { raw: true });
  labels.funds.forEach((head, k) => {
    if (k === 5 && !hasScore) return;
    put(r, 2 + k, head, { raw: true });
  });
  r++;
  for (const [key, rowLabels] of FUND_ROWS) {
    const data = form.funds[key];
    if (!data) continue;
    put(r, 1, rowLabels[layout], { raw: true });
    FUND_FIELDS.forEach((field, k) => {
      const path = `funds.${key}.${field}`;
      if (k === 5 && !hasScore) {
        // No 得分 column: the reader gives the field this address, so goldens use it too.
        cells[path] = at(r, 2 + k);
        return;
      }
      const text = data[field] ?? "";
      if (layout === "shanghai" && field === "rate" && text !== "" && !isNaN(Number(text))) {
        // Shanghai stores the rate as the number 99.04 shown with two decimals.
        const c = put(r, 2 + k, String(Number(text)), { raw: true, path });
        c.value = Number(text);
        c.numFmt = "0.00";
      } else {
        put(r, 2 + k, text, { path });
      }
    });
    r++;
  }
  merge(fundsTop, 0, r - 1, 0);

  // 年度总体目标.
  const goalsSplit = layout === "beijing" ? 5 : 4;
  put(r, 0, "年度总体目标", { raw: true });
  merge(r, 0, r + 1, 0);
  put(r, 1, "预期目标", { raw: true });
  merge(r, 1, r, goalsSplit - 1);
  put(r, goalsSplit, "实际完成情况", { raw: true });
  merge(r, goalsSplit, r, width - 1);
  r++;
  put(r, 1, form.goals?.expected ?? "", { raw: true, path: "goals.expected" });
  merge(r, 1, r, goalsSplit - 1);
  put(r, goalsSplit, form.goals?.actual ?? "", { raw: true, path: "goals.actual" });
  merge(r, goalsSplit, r, width - 1);
  ws.getRow(top + r).height = 60;
  r++;

  // 绩效指标 table.
  const ic = layout === "beijing" ? 1 : 0; // column of 一级指标
  const headRow = r;
  if (layout === "beijing") put(r, 0, "绩效指标", { raw: true });
  [...INDICATOR_HEADS, labels.weight, "得分", "偏差原因分析及改进措施"].forEach((head, k) =>
    put(r, ic + k, head, { raw: true }),
  );
  r++;
  const firstIndicatorRow = r;
  form.indicators.forEach((ind, i) => {
    const prev = form.indicators[i - 1];
    const newL1 = !prev || prev.level1 !== ind.level1;
    const newL2 = newL1 || prev.level2 !== ind.level2;
    // Printed on the first row of a group only: Beijing then merges the group, Shanghai leaves blanks.
    put(r, ic, newL1 ? ind.level1 : "", { raw: true });
    put(r, ic + 1, newL2 ? ind.level2 : "", { raw: true });
    put(r, ic + 2, ind.name, { raw: true, path: `indicators[${i}].name` });
    put(r, ic + 3, ind.target, { path: `indicators[${i}].target` });
    put(r, ic + 4, ind.actual, { path: `indicators[${i}].actual` });
    put(r, ic + 5, ind.weight, { path: `indicators[${i}].weight` });
    put(r, ic + 6, ind.score, { path: `indicators[${i}].score` });
    put(r, ic + 7, ind.explanation, { raw: true, path: `indicators[${i}].explanation` });
    r++;
  });
  if (layout === "beijing") {
    merge(headRow, 0, r - 1, 0);
    mergeGroups(form.indicators, (ind) => ind.level1, firstIndicatorRow, ic, merge);
    mergeGroups(
      form.indicators,
      (ind) => `${ind.level1}\u0000${ind.level2}`,
      firstIndicatorRow,
      ic + 1,
      merge,
    );
  }

  // 总分 and optional 评分等级.
  put(r, 0, "总分", { raw: true, path: "total.label" });
  if (layout === "beijing") merge(r, 0, r, ic + 4);
  put(r, ic + 5, form.total.weight, { path: "total.weight" });
  put(r, ic + 6, form.total.score, { path: "total.score" });
  r++;
  if (form.grade !== null && form.grade !== undefined) {
    put(r, 0, "评分等级", { raw: true });
    if (layout === "beijing") merge(r, 0, r, ic + 4);
    put(r, layout === "beijing" ? ic + 5 : 1, form.grade, { raw: true, path: "grade" });
    r++;
  }

  for (let k = 0; k < width; k++) {
    const col = ws.getColumn(left + k);
    if (!col.width || col.width < 12) col.width = k === ic + 2 ? 28 : 12;
  }
  const lastRow = top + r - 1;
  return {
    sheet: ws.name,
    range: `${a1(top, left)}:${a1(lastRow, left + width - 1)}`,
    firstRow: top,
    lastRow,
    cells,
  };
}

/** Merges runs of consecutive indicator rows that share a key, in one column. */
function mergeGroups(indicators, key, firstRow, col, merge) {
  let start = 0;
  for (let i = 1; i <= indicators.length; i++) {
    if (i === indicators.length || key(indicators[i]) !== key(indicators[start])) {
      if (i - 1 > start) merge(firstRow + start, col, firstRow + i - 1, col);
      start = i;
    }
  }
}

/** The golden entries of one laid-out form. Throws on an `at` path the layout does not know. */
export function goldenEntries(form, placed) {
  return (form.expected ?? []).map((e) => {
    const cell = placed.cells[e.at];
    if (!cell) throw new Error(`${form.id}: expected finding at unknown path "${e.at}"`);
    return {
      rule: e.rule,
      severity: e.severity,
      sheet: placed.sheet,
      cell,
      projectName: form.projectName,
    };
  });
}

/** Reads every tests/fixtures/forms/seedNNN.json that exists: { "000": [forms…], … }. */
export function loadSeedForms(formsDir) {
  const out = {};
  for (const seed of ["000", "001", "003"]) {
    const file = path.join(formsDir, `seed${seed}.json`);
    if (fs.existsSync(file)) out[seed] = JSON.parse(fs.readFileSync(file, "utf8")).forms;
  }
  return out;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetNameFor(projectName, taken) {
  const base =
    projectName
      .replace(/[[\]:*?/\\]/g, "")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `(${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so regenerating only changes the files when the data changes.
  wb.creator = "perf-eval fixtures";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  return wb;
}

/** Beijing style: one form per sheet at A1 (seed 000 + 001 forms). */
export function buildBeijing(seeds) {
  const wb = newWorkbook();
  const golden = [];
  const taken = new Set();
  for (const form of [...(seeds["000"] ?? []), ...(seeds["001"] ?? [])]) {
    const ws = wb.addWorksheet(sheetNameFor(shortName(form.projectName), taken));
    golden.push(...goldenEntries(form, layoutForm(ws, form, { layout: "beijing" })));
  }
  return { workbook: wb, golden };
}

/** Drops the year prefix people put in front of project names so sheet names stay short. */
function shortName(projectName) {
  return projectName.replace(/^\s*20\d\d\s*年(度)?\s*/, "") || projectName;
}

/** Shanghai style: every seed 003 form stacked in one sheet, one blank row between forms. */
export function buildShanghai(seeds) {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("项目支出绩效自评");
  const golden = [];
  let row = 1;
  for (const form of seeds["003"] ?? []) {
    const placed = layoutForm(ws, form, { layout: "shanghai", origin: `A${row}` });
    golden.push(...goldenEntries(form, placed));
    row = placed.lastRow + 2;
  }
  return { workbook: wb, golden };
}

/** First form of a seed that expects an error (so offsets are exercised on findings), else the first. */
function pick(forms, nth = 0) {
  if (!forms || forms.length === 0) return undefined;
  const withErrors = forms.filter((f) => (f.expected ?? []).some((e) => e.severity === "error"));
  const pool = withErrors.length > nth ? withErrors : forms;
  return pool[Math.min(nth, pool.length - 1)];
}

/**
 * Forms away from A1: a hidden empty first sheet, a sheet name with spaces, a form at C4 and the
 * next at C40 on the same sheet, labels retyped with line breaks and spaces.
 */
export function buildOffset(seeds) {
  const wb = newWorkbook();
  const golden = [];
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "hidden";

  const place = (ws, form, layout, origin, labels) => {
    const placed = layoutForm(ws, form, { layout, origin, labels });
    golden.push(...goldenEntries(form, placed));
    return placed;
  };

  const sh = seeds["003"] ?? [];
  const gongwuyuan = sh.find((f) => f.projectName === "公务员管理") ?? sh[0];
  const first = wb.addWorksheet("项目 自评 表");
  let placed;
  if (gongwuyuan) placed = place(first, gongwuyuan, "shanghai", "C4", "messy");
  const beijing0 = pick(seeds["000"]) ?? sh[1];
  if (beijing0) {
    const row = Math.max(40, (placed?.lastRow ?? 0) + 3);
    place(first, beijing0, "beijing", `C${row}`, "messy");
  }

  const second = wb.addWorksheet("Sheet 2 北京");
  const beijing1 = pick(seeds["001"]) ?? pick(seeds["000"], 1);
  let lastRow = 0;
  if (beijing1) lastRow = place(second, beijing1, "beijing", "B3", "standard").lastRow;
  const sh2 = sh.find((f) => f.projectName.includes("社会科学课题")) ?? sh[2];
  if (sh2) place(second, sh2, "shanghai", `E${lastRow + 4}`, "messy");
  return { workbook: wb, golden };
}

/** Builds all three fixture workbooks from the seed JSON files. */
export function buildAll(formsDir) {
  const seeds = loadSeedForms(formsDir);
  return {
    beijing: buildBeijing(seeds),
    shanghai: buildShanghai(seeds),
    offset: buildOffset(seeds),
    sichuan: buildProvince(seeds, "sichuan"),
    yuan: buildProvince(seeds, "yuan"),
    department: buildDepartment(formsDir),
  };
}

// ---------------------------------------------------------------------------------------------
// Other provinces' layouts (domain.md §2), for the same seed data.

/**
 * The form data as a province's layout can hold it: a layout without a 年初 column cannot show a
 * budget adjustment, so budget-adjusted is not expected there.
 */
export function provinceForm(form, style) {
  if (style !== "yuan") return form;
  return {
    ...form,
    expected: (form.expected ?? []).filter((e) => e.rule !== "budget-adjusted"),
  };
}

/** An amount in 万元 as printed → the same amount in 元 ("29.837303" → "298373.03"). */
export function toYuan(text) {
  if (text === undefined || text === null) return text;
  const compact = String(text)
    .replace(/\s+/g, "")
    .replace(/万元?$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return text;
  const negative = compact.startsWith("-");
  const [int, frac = ""] = compact.replace("-", "").split(".");
  // Shift the decimal point four places right on the digits, so no binary rounding creeps in.
  const whole = `${int}${frac.slice(0, 4).padEnd(4, "0")}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(4);
  let out = (negative ? "-" : "") + whole + (rest ? `.${rest}` : "");
  // A number typed with a space inside keeps one, so number-as-text still has it to report.
  if (/\d\s+\d/.test(String(text)) && whole.length > 3) {
    const at = whole.length - 3;
    out =
      (negative ? "-" : "") + whole.slice(0, at) + " " + whole.slice(at) + (rest ? `.${rest}` : "");
  }
  return out;
}

/** Splits a target the way Sichuan forms print it: 指标性质 | 指标值 | 度量单位. */
export function splitTarget(text, nth) {
  const m = /^\s*(≥|≤|>=|<=|=|＝|>|<|≧|≦)\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(text ?? "");
  if (!m)
    return { nature: /\d/.test(text ?? "") || !text ? "" : "定性", value: text ?? "", unit: "" };
  // Typed comparators vary: half the rows use the ASCII pair, = is sometimes the small ﹦.
  const typed = { "≥": nth % 2 ? ">=" : "≥", "≧": ">=", "≤": nth % 2 ? "<=" : "≤", "≦": "<=" };
  const nature = typed[m[1]] ?? (m[1] === "=" && nth % 2 ? "﹦" : m[1]);
  return { nature, value: m[2], unit: m[3] };
}

/**
 * Lays out one form in another province's style:
 * - "sichuan": 预算执行情况(10分) block (年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |
 *   原因; 总额, 其中:财政资金, 上年结余资金, 财政专户管理资金, 单位资金, 其他资金), goals 年初设定目标 /
 *   年度总体目标完成情况综述, 绩效指标(90分) with a two-row head, 分值 before the target split over
 *   指标性质 / 指标值 / 度量单位, 全年实际值, 未完成原因分析, group names with their points, names
 *   numbered 指标N:, a …… and a / placeholder row, 合计, 评价结论 … and 负责人 rows at the end;
 * - "yuan": the national layout with 项目资金(元) (amounts in 元), no 年初 column, heads
 *   全年预算数(A) / 全年执行数(B) / 执行率(B/A), rows 其中:本年财政拨款 / 上年结余资金.
 */
export function layoutProvince(ws, form, options = {}) {
  const style = options.style ?? "sichuan";
  if (style === "yuan") return layoutYuan(ws, form, options);
  const { row: top, col: left } = parseA1(options.origin ?? "A1");
  const width = 11;
  const cells = {};
  let r = 0;
  const cell = (rr, cc) => ws.getCell(top + rr, left + cc);
  const put = (rr, cc, text, opts = {}) => {
    const c = cell(rr, cc);
    const { value, numFmt } = opts.raw
      ? { value: text === "" || text === undefined ? null : text }
      : storedValue(text, "beijing");
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
    c.border = BORDER;
    if (opts.path) cells[opts.path] = a1(top + rr, left + cc);
    return c;
  };
  const merge = (r1, c1, r2, c2) => {
    if (r1 === r2 && c1 === c2) return;
    ws.mergeCells(top + r1, left + c1, top + r2, left + c2);
  };

  put(r, 0, form.title, { raw: true, path: "title" });
  merge(r, 0, r, width - 1);
  r++;
  put(r, 0, `（${form.year}年度）`, { raw: true });
  merge(r, 0, r, width - 1);
  r++;
  put(r, 0, "项目名称", { raw: true });
  merge(r, 0, r, 1);
  put(r, 2, form.projectName, { raw: true, path: "projectName" });
  merge(r, 2, r, width - 1);
  r++;
  put(r, 0, "主管部门", { raw: true });
  merge(r, 0, r, 1);
  put(r, 2, form.department ?? "", { raw: true, path: "department" });
  merge(r, 2, r, 5);
  put(r, 6, "实施单位", { raw: true });
  put(r, 7, form.implementer ?? "", { raw: true, path: "implementer" });
  merge(r, 7, r, width - 1);
  r++;

  // 预算执行情况(10分).
  const fundsTop = r;
  const hasScore = form.funds.hasScoreColumn !== false;
  put(r, 0, "预算执行情况(10分)", { raw: true });
  const heads = [
    ["initial", "年初预算"],
    ["budget", "调整后预算数"],
    ["executed", "预算执行数"],
    ["rate", "预算执行率"],
    ["weight", "权重"],
    ["score", "得分"],
  ];
  heads.forEach(([field, head], k) => {
    if (field === "score" && !hasScore) return;
    put(r, 2 + k, head, { raw: true });
  });
  put(r, 8, "原因", { raw: true });
  merge(r, 8, r, width - 1);
  r++;
  const rows = [
    ["total", "总额"],
    ["appropriation", "其中:财政资金"],
    ["carryover", "上年结余资金"],
    [undefined, "财政专户管理资金"],
    [undefined, "单位资金"],
    ["other", "其他资金"],
  ];
  for (const [key, label] of rows) {
    // The extra rows hold 0 where the breakdown is filled in, and stay blank where it is not.
    const zeroIfFilled = (field) => ((form.funds.appropriation?.[field] ?? "") === "" ? "" : "0");
    const data = key
      ? form.funds[key]
      : {
          initial: zeroIfFilled("initial"),
          budget: zeroIfFilled("budget"),
          executed: zeroIfFilled("executed"),
          weight: "/",
          score: "/",
        };
    if (!data) continue;
    put(r, 1, label, { raw: true, path: key ? `funds.${key}.label` : undefined });
    heads.forEach(([field], k) => {
      const path = key ? `funds.${key}.${field}` : undefined;
      if (field === "score" && !hasScore) {
        // No 得分 column: the reader gives the field the row label's address.
        if (path) cells[path] = a1(top + r, left + 1);
        return;
      }
      put(r, 2 + k, data[field] ?? "", { path });
    });
    put(r, 8, "", { raw: true });
    merge(r, 8, r, width - 1);
    r++;
  }
  merge(fundsTop, 0, r - 1, 0);

  // Goals.
  put(r, 0, "年度总体目标", { raw: true });
  merge(r, 0, r + 1, 0);
  put(r, 1, "年初设定目标", { raw: true });
  merge(r, 1, r, 5);
  put(r, 6, "年度总体目标完成情况综述", { raw: true });
  merge(r, 6, r, width - 1);
  r++;
  put(r, 1, form.goals?.expected ?? "", { raw: true, path: "goals.expected" });
  merge(r, 1, r, 5);
  put(r, 6, form.goals?.actual ?? "", { raw: true, path: "goals.actual" });
  merge(r, 6, r, width - 1);
  r++;

  // 绩效指标(90分), two head rows.
  const headRow = r;
  put(r, 0, "绩效指标(90分)", { raw: true });
  const head1 = ["一级指标", "二级指标", "三级指标", "分值"];
  head1.forEach((h, k) => {
    put(r, 1 + k, h, { raw: true });
    merge(r, 1 + k, r + 1, 1 + k);
  });
  put(r, 5, "年度指标值", { raw: true });
  merge(r, 5, r, 7);
  ["全年实际值", "得分", "未完成原因分析"].forEach((h, k) => {
    put(r, 8 + k, h, { raw: true });
    merge(r, 8 + k, r + 1, 8 + k);
  });
  r++;
  ["指标性质", "指标值", "度量单位"].forEach((h, k) => put(r, 5 + k, h, { raw: true }));
  r++;
  const points = new Map();
  for (const ind of form.indicators) {
    const w = Number(ind.weight);
    points.set(ind.level1, (points.get(ind.level1) ?? 0) + (Number.isFinite(w) ? w : 0));
  }
  let placeholders = 0;
  form.indicators.forEach((ind, i) => {
    const prev = form.indicators[i - 1];
    const newL1 = !prev || prev.level1 !== ind.level1;
    const newL2 = newL1 || prev.level2 !== ind.level2;
    if (newL1 && prev && placeholders < 2) {
      // A row left for more indicators: …… in one, / in the other, nothing to score.
      put(r, 2, placeholders === 0 ? "……" : "/", { raw: true });
      for (let k = 3; k <= 9; k++) put(r, k, "/", { raw: true });
      placeholders++;
      r++;
    }
    const level1 = newL1 ? `${ind.level1}(${points.get(ind.level1)}分)` : "";
    put(r, 1, level1, { raw: true });
    put(r, 2, newL2 ? ind.level2 : "", { raw: true });
    put(r, 3, ind.name ? `指标${i + 1}:${ind.name}` : "", {
      raw: true,
      path: `indicators[${i}].name`,
    });
    put(r, 4, ind.weight, { path: `indicators[${i}].weight` });
    const split = splitTarget(ind.target, i);
    put(r, 5, split.nature, { raw: true });
    put(r, 6, split.value, { path: `indicators[${i}].target` });
    put(r, 7, split.unit, { raw: true });
    let actual = ind.actual;
    if (split.unit) {
      const bare = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${escapeRegExp(split.unit)}\\s*$`).exec(
        actual,
      );
      if (bare) actual = bare[1];
    }
    put(r, 8, actual, { path: `indicators[${i}].actual` });
    put(r, 9, ind.score, { path: `indicators[${i}].score` });
    put(r, 10, ind.explanation, { raw: true, path: `indicators[${i}].explanation` });
    r++;
  });
  merge(headRow, 0, r - 1, 0);

  put(r, 0, "合计", { raw: true, path: "total.label" });
  merge(r, 0, r, 3);
  put(r, 4, form.total.weight, { path: "total.weight" });
  put(r, 9, form.total.score, { path: "total.score" });
  r++;
  if (form.grade !== null && form.grade !== undefined) {
    put(r, 0, "评分等级", { raw: true });
    merge(r, 0, r, 3);
    put(r, 4, form.grade, { raw: true, path: "grade" });
    r++;
  }
  for (const label of ["评价结论", "存在问题", "改进措施"]) {
    put(r, 0, label, { raw: true });
    merge(r, 0, r, 1);
    put(r, 2, "", { raw: true });
    merge(r, 2, r, width - 1);
    r++;
  }
  put(r, 0, "项目负责人", { raw: true });
  put(r, 1, form.leader ?? "", { raw: true });
  put(r, 6, "财务负责人", { raw: true });
  r++;

  for (let k = 0; k < width; k++) {
    const col = ws.getColumn(left + k);
    if (!col.width || col.width < 10) col.width = k === 3 ? 28 : 10;
  }
  const lastRow = top + r - 1;
  return {
    sheet: ws.name,
    range: `${a1(top, left)}:${a1(lastRow, left + width - 1)}`,
    firstRow: top,
    lastRow,
    cells,
  };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The national layout with its funds block in 元 and without 年初 (see layoutProvince). */
function layoutYuan(ws, form, options) {
  const yuanForm = JSON.parse(JSON.stringify(form));
  for (const key of ["total", "appropriation", "carryover", "other"]) {
    const row = yuanForm.funds[key];
    if (!row) continue;
    for (const field of ["initial", "budget", "executed"]) row[field] = toYuan(row[field]);
  }
  const placed = layoutForm(ws, yuanForm, { layout: "beijing", origin: options.origin });
  // Rewrite the funds block: 项目资金(元), no 年初 column, the national template's heads.
  // Row labels sit two columns left of 全年预算数 in the Beijing layout.
  const labelOf = (key) => {
    const budget = placed.cells[`funds.${key}.budget`];
    if (!budget) return undefined;
    const { row, col } = parseA1(budget);
    return a1(row, col - 2);
  };
  const fundsHead = parseA1(labelOf("total")).row - 1;
  const labelCol = parseA1(labelOf("total")).col;
  const blockCol = labelCol - 1;
  ws.getCell(fundsHead, blockCol).value = "项目资金(元)";
  const heads = ["", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"];
  const hasScore = form.funds.hasScoreColumn !== false;
  heads.forEach((head, k) => {
    if (k === 5 && !hasScore) return;
    ws.getCell(fundsHead, labelCol + 1 + k).value = head === "" ? null : head;
  });
  const labels = {
    total: "年度资金总额",
    appropriation: "其中:本年财政拨款",
    carryover: "上年结余资金",
    other: "其他资金",
  };
  for (const [key, label] of Object.entries(labels)) {
    const at = form.funds[key] ? labelOf(key) : undefined;
    if (!at) continue;
    ws.getCell(at).value = label;
    const { row } = parseA1(at);
    // The 年初 cell stays empty; the reader gives the missing column the row label's address.
    ws.getCell(row, labelCol + 1).value = null;
    placed.cells[`funds.${key}.initial`] = at;
    // An amount the Beijing layout stores as text ("30.00") stays text in 元 ("300000").
    for (const field of ["budget", "executed"]) {
      const printed = form.funds[key]?.[field] ?? "";
      const address = placed.cells[`funds.${key}.${field}`];
      if (printed === "" || !address) continue;
      if (typeof storedValue(printed, "beijing").value === "string") {
        ws.getCell(address).value = String(yuanForm.funds[key][field]);
      }
    }
  }
  return placed;
}

/** Seeds 000 + 001 (national profile), one form per sheet, in another province's layout. */
export function buildProvince(seeds, style) {
  const wb = newWorkbook();
  const golden = [];
  const taken = new Set();
  for (const source of [...(seeds["000"] ?? []), ...(seeds["001"] ?? [])]) {
    const form = provinceForm(source, style);
    const ws = wb.addWorksheet(sheetNameFor(shortName(form.projectName), taken));
    golden.push(...goldenEntries(form, layoutProvince(ws, form, { style })));
  }
  return { workbook: wb, golden };
}

// ---------------------------------------------------------------------------------------------
// The department 评分表 (domain.md §6), laid out by hand as seed 002 prints it.

/** Reads tests/fixtures/forms/seed002.json, or undefined when it is not there. */
export function loadDepartmentTable(formsDir) {
  const file = path.join(formsDir, "seed002.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

/**
 * Seed 002's table as printed: title, 部门名称, the three head rows (repeated where the pages
 * break), 一级 / 二级 printed on the first row of their group and no merges there, 总计 with 100
 * under each level. Returns the PlacedForm of the table; paths are rows[i].score / .weight,
 * total.score, total.weight, unit.
 */
export function layoutDepartment(ws, table, options = {}) {
  const { row: top, col: left } = parseA1(options.origin ?? "A1");
  const cells = {};
  let r = 0;
  const put = (rr, cc, text, opts = {}) => {
    const c = ws.getCell(top + rr, left + cc);
    const { value } = opts.raw
      ? { value: text === "" ? null : text }
      : storedValue(text, "beijing");
    c.value = value;
    c.border = BORDER;
    if (opts.path) cells[opts.path] = a1(top + rr, left + cc);
  };
  const merge = (r1, c1, r2, c2) => ws.mergeCells(top + r1, left + c1, top + r2, left + c2);
  put(r, 0, table.title, { raw: true, path: "title" });
  merge(r, 0, r, 8);
  r++;
  put(r, 0, "部门名称", { raw: true });
  put(r, 1, table.unit, { raw: true, path: "unit" });
  merge(r, 1, r, 8);
  r++;
  const heads = () => {
    put(r, 0, "评价指标", { raw: true });
    merge(r, 0, r, 5);
    put(r, 6, "指标说明", { raw: true });
    put(r, 7, "参考评分标准", { raw: true });
    put(r, 8, "自评得分", { raw: true });
    r++;
    ["一级指标", "二级指标", "三级指标"].forEach((h, k) => {
      put(r, 2 * k, h, { raw: true });
      merge(r, 2 * k, r, 2 * k + 1);
    });
    r++;
    for (let k = 0; k < 3; k++) {
      put(r, 2 * k, "名称", { raw: true });
      put(r, 2 * k + 1, "参考分值", { raw: true });
    }
    r++;
  };
  heads();
  table.rows.forEach((row, i) => {
    if ((table.pageBreaksBefore ?? []).includes(i)) heads();
    put(r, 0, row.level1, { raw: true });
    put(r, 1, row.level1Weight);
    put(r, 2, row.level2, { raw: true });
    put(r, 3, row.level2Weight);
    put(r, 4, row.name, { raw: true, path: `rows[${i}].name` });
    put(r, 5, row.weight, { path: `rows[${i}].weight` });
    put(r, 6, row.description, { raw: true });
    put(r, 7, row.standard, { raw: true });
    put(r, 8, row.score, { path: `rows[${i}].score` });
    r++;
  });
  put(r, 0, "总计", { raw: true, path: "total.label" });
  table.total.weights.forEach((w, k) => put(r, 1 + k, w, k === 4 ? { path: "total.weight" } : {}));
  put(r, 6, "-", { raw: true });
  put(r, 7, "-", { raw: true });
  put(r, 8, table.total.score, { path: "total.score" });
  const lastRow = top + r;
  [9, 6, 10, 6, 14, 6, 30, 50, 9].forEach((w, k) => (ws.getColumn(left + k).width = w));
  return {
    sheet: ws.name,
    range: `${a1(top, left)}:${a1(lastRow, left + 8)}`,
    firstRow: top,
    lastRow,
    cells,
  };
}

/** Seed 002's table on its own sheet at B2, with the golden of its `expected` list. */
export function buildDepartment(formsDir) {
  const wb = newWorkbook();
  const table = loadDepartmentTable(formsDir);
  if (!table) return { workbook: wb, golden: [] };
  const ws = wb.addWorksheet("附件1 评分表");
  const placed = layoutDepartment(ws, table, { origin: "B2" });
  const golden = (table.expected ?? []).map((e) => ({
    rule: e.rule,
    severity: e.severity,
    sheet: placed.sheet,
    cell: placed.cells[e.at],
    projectName: table.unit,
  }));
  return { workbook: wb, golden };
}
