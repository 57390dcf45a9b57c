import { FUNDS_COLUMN_HEADS, FUNDS_COLUMNS } from "../forms/model";
import { toA1 } from "../grid";
import { DEFAULT_STYLES, type TemplateCell, type TemplateSpec } from "./spec";

/**
 * The 项目支出绩效自评表 templates. `project` is the national form with 成本指标 under 产出指标;
 * `project-2021` has 成本指标 as a first-level indicator (经济 / 社会 / 生态环境成本指标).
 *
 * Every computed cell is a native formula (no PERF.*), so a file sent to someone without the
 * add-in still calculates. Blank or zero budgets show blank, never #DIV/0!.
 */
export type ProjectTemplateKind = "project" | "project-2021";

export interface ProjectTemplateOptions {
  kind: ProjectTemplateKind;
  year: number;
  /** 主管部门 / 实施单位 prefilled when given. */
  unit?: string;
}

/** Indicator rows per kind: [一级指标, 二级指标, number of blank rows]. */
const INDICATOR_LAYOUT: Record<ProjectTemplateKind, ReadonlyArray<[string, string, number]>> = {
  project: [
    ["产出指标", "数量指标", 2],
    ["产出指标", "质量指标", 2],
    ["产出指标", "时效指标", 1],
    ["产出指标", "成本指标", 1],
    ["效益指标", "经济效益指标", 1],
    ["效益指标", "社会效益指标", 2],
    ["效益指标", "生态效益指标", 1],
    ["效益指标", "可持续影响指标", 1],
    ["满意度指标", "服务对象满意度指标", 1],
  ],
  "project-2021": [
    ["产出指标", "数量指标", 2],
    ["产出指标", "质量指标", 2],
    ["产出指标", "时效指标", 1],
    ["效益指标", "经济效益指标", 1],
    ["效益指标", "社会效益指标", 2],
    ["效益指标", "生态效益指标", 1],
    ["效益指标", "可持续影响指标", 1],
    ["成本指标", "经济成本指标", 1],
    ["成本指标", "社会成本指标", 1],
    ["成本指标", "生态环境成本指标", 1],
    ["满意度指标", "服务对象满意度指标", 1],
  ],
};

const FUNDS_HEADS = FUNDS_COLUMNS.map((column) => FUNDS_COLUMN_HEADS[column]);
const INDICATOR_HEADS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];
const AMOUNT_FORMAT = "#,##0.00####";
const SCORE_FORMAT = "0.00";
/** Rows a little taller than the default, so typed text is easy to read and print. */
const ROW_HEIGHT = 20;
/** Totals keep a third or fourth decimal when one was typed (89.995 must not look like 90.00). */
const TOTAL_FORMAT = "0.00##";
const RATE_FORMAT = "0.00%";
/** Rows of the 项目资金 block: the total, then its breakdown. */
const FUNDS_ROWS = ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"];

/**
 * Sums and products of binary floating point carry noise (9.9 + 80.1 = 89.99999999999999); rounding
 * to 9 decimals removes it before a comparison or a half-up rounding, without touching real digits.
 */
export const NOISE_DECIMALS = 9;

/** 执行率 = 全年执行数 ÷ 全年预算数 on `row` (D budget, E executed); blank for a blank or zero budget. */
export function executionRateFormula(row: number): string {
  return `IF(N(D${row})=0,"",N(E${row})/D${row})`;
}

/**
 * National profile: 分值 × min(执行率, 100%), rounded half-up to 2 decimals. The inner ROUND removes
 * the float noise first, so 10 × 0.6775 gives 6.78 in every spreadsheet program, not 6.77.
 */
export function executionScoreFormula(row: number): string {
  return `IF(G${row}="","",ROUND(ROUND(F${row}*MIN(G${row},1),${NOISE_DECIMALS}),2))`;
}

/** 评分等级 from a total cell: ≥90 优, ≥80 良, ≥60 中, else 差; blank while the total is blank. */
export function gradeFormula(total: string): string {
  return `IF(${total}="","",IF(${total}>=90,"优",IF(${total}>=80,"良",IF(${total}>=60,"中","差"))))`;
}

export function projectTemplate(options: ProjectTemplateOptions): TemplateSpec {
  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const put = (row: number, col: number, cell: Omit<TemplateCell, "address">): void => {
    cells.push({ address: toA1(row, col), ...cell });
  };
  const label = (row: number, col: number, text: string): void =>
    put(row, col, { role: "label", value: text });

  put(1, 1, { role: "title", value: "项目支出绩效自评表" });
  merges.push("A1:H1");
  put(2, 1, { role: "subtitle", value: `（${options.year}年度）` });
  merges.push("A2:H2");

  label(3, 1, "项目名称");
  put(3, 2, { role: "inputText" });
  merges.push("B3:H3");
  const unit = options.unit ?? "";
  label(4, 1, "主管部门");
  put(4, 2, unit ? { role: "inputText", value: unit } : { role: "inputText" });
  merges.push("B4:D4");
  label(4, 5, "实施单位");
  put(4, 6, unit ? { role: "inputText", value: unit } : { role: "inputText" });
  merges.push("F4:H4");
  label(5, 1, "项目负责人");
  put(5, 2, { role: "inputText" });
  merges.push("B5:D5");
  label(5, 5, "联系电话");
  put(5, 6, { role: "inputText" });
  merges.push("F5:H5");

  // 项目资金 block: rows 6 (heads) to 10; amounts in C–E, 分值 F, 执行率 G, 得分 H.
  label(6, 1, "项目资金（万元）");
  merges.push("A6:A10");
  put(6, 2, { role: "header", value: "" });
  FUNDS_HEADS.forEach((head, i) => put(6, 3 + i, { role: "header", value: head }));
  const totalRow = 7;
  FUNDS_ROWS.forEach((rowLabel, i) => {
    const row = totalRow + i;
    label(row, 2, rowLabel);
    for (let col = 3; col <= 5; col++) {
      if (row === totalRow) {
        // The total adds up its breakdown, so the two can never disagree; blank until filled.
        const span = `${toA1(totalRow + 1, col)}:${toA1(totalRow + 3, col)}`;
        put(row, col, {
          role: "computed",
          formula: `IF(COUNT(${span})=0,"",ROUND(SUM(${span}),${NOISE_DECIMALS}))`,
          numFmt: AMOUNT_FORMAT,
        });
      } else {
        put(row, col, { role: "input", numFmt: AMOUNT_FORMAT });
      }
    }
    if (row === totalRow) {
      put(row, 6, { role: "fixed", value: 10 });
      put(row, 7, { role: "computed", formula: executionRateFormula(row), numFmt: RATE_FORMAT });
      put(row, 8, {
        role: "computed",
        formula: executionScoreFormula(row),
        numFmt: SCORE_FORMAT,
      });
    } else {
      // As on the national form: only the total row has 分值, 执行率 and 得分.
      for (let col = 6; col <= 8; col++) put(row, col, { role: "fixed", value: "—" });
    }
  });

  label(11, 1, "年度总体目标");
  merges.push("A11:A12");
  put(11, 2, { role: "header", value: "预期目标" });
  merges.push("B11:E11");
  put(11, 6, { role: "header", value: "实际完成情况" });
  merges.push("F11:H11");
  put(12, 2, { role: "inputText" });
  merges.push("B12:E12");
  put(12, 6, { role: "inputText" });
  merges.push("F12:H12");

  const headRow = 13;
  INDICATOR_HEADS.forEach((head, i) => put(headRow, 1 + i, { role: "header", value: head }));
  let row = headRow + 1;
  for (const [level1, level2, count] of INDICATOR_LAYOUT[options.kind]) {
    for (let n = 0; n < count; n++, row++) {
      put(row, 1, { role: "inputText", value: level1 });
      put(row, 2, { role: "inputText", value: level2 });
      put(row, 3, { role: "inputText" });
      put(row, 4, { role: "inputText" });
      put(row, 5, { role: "inputText" });
      put(row, 6, { role: "input", numFmt: SCORE_FORMAT });
      put(row, 7, { role: "input", numFmt: SCORE_FORMAT });
      put(row, 8, { role: "inputText" });
    }
  }
  const firstIndicator = headRow + 1;
  const lastIndicator = row - 1;
  const weights = `F${firstIndicator}:F${lastIndicator}`;
  const scores = `G${firstIndicator}:G${lastIndicator}`;

  const sumRow = row;
  label(sumRow, 1, "总分");
  merges.push(`A${sumRow}:E${sumRow}`);
  put(sumRow, 6, {
    role: "computed",
    formula: `ROUND(F${totalRow}+SUM(${weights}),${NOISE_DECIMALS})`,
  });
  put(sumRow, 7, {
    role: "computed",
    formula: `IF(COUNT(H${totalRow},${scores})=0,"",ROUND(N(H${totalRow})+SUM(${scores}),${NOISE_DECIMALS}))`,
    numFmt: TOTAL_FORMAT,
  });
  put(sumRow, 8, { role: "fixed" });

  const gradeRow = sumRow + 1;
  label(gradeRow, 1, "评分等级");
  merges.push(`A${gradeRow}:E${gradeRow}`);
  const total = `G${sumRow}`;
  put(gradeRow, 6, {
    role: "computed",
    formula: gradeFormula(total),
  });
  merges.push(`F${gradeRow}:H${gradeRow}`);

  const noteRow = gradeRow + 1;
  put(noteRow, 1, {
    role: "note",
    value:
      "填表说明：黄色单元格为填写项，灰色单元格自动计算。执行率 = 全年执行数 ÷ 全年预算数；" +
      "预算执行得分 = 分值 × 执行率（最高为分值）；总分 ≥90 为优，80–90 为良，60–80 为中，<60 为差。" +
      "得分低于分值或未达到年度指标值的，请填写偏差原因分析及改进措施。",
  });
  merges.push(`A${noteRow}:H${noteRow}`);

  const level1Names = [...new Set(INDICATOR_LAYOUT[options.kind].map(([l1]) => l1))];
  const level2Names = [...new Set(INDICATOR_LAYOUT[options.kind].map(([, l2]) => l2))];
  return {
    kind: options.kind,
    sheetName: `绩效自评表${options.year}`,
    styles: DEFAULT_STYLES,
    columnWidths: [12, 16, 22, 14, 14, 8, 10, 26],
    rowHeights: {
      ...Object.fromEntries(
        Array.from({ length: noteRow - 3 }, (_, i) => [3 + i, ROW_HEIGHT] as [number, number]),
      ),
      1: 28,
      2: 20,
      12: 60,
      [headRow]: 24,
      [noteRow]: 42,
    },
    cells,
    merges,
    validations: [
      {
        type: "list",
        range: `A${firstIndicator}:A${lastIndicator}`,
        list: level1Names,
        error: `一级指标请从列表中选择：${level1Names.join("、")}`,
      },
      {
        type: "list",
        range: `B${firstIndicator}:B${lastIndicator}`,
        list: level2Names,
        error: "二级指标请从列表中选择",
      },
      {
        type: "decimal",
        range: `F${firstIndicator}:G${lastIndicator}`,
        min: 0,
        max: 100,
        error: "分值和得分请填写 0 到 100 之间的数字",
      },
    ],
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      printTitleRows: undefined,
    },
    protect: true,
    firstInput: "B3",
  };
}
