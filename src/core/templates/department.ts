import { toA1 } from "../grid";
import { DEPARTMENT_INDICATORS } from "./department-indicators";
import { NOISE_DECIMALS, gradeFormula } from "./project";
import {
  DEFAULT_STYLES,
  rowHeightFor,
  type TemplateCell,
  type TemplateSpec,
  type TemplateValidation,
} from "./spec";

/**
 * The 部门整体支出绩效评价指标体系评分表 (seed 002): three levels of indicators with their 参考分值,
 * 指标说明 and 参考评分标准, a 自评得分 input per third-level indicator, subtotals per first-level
 * indicator, the total and the grade, all by native formulas.
 *
 * Below the table, optional helper rows compute a suggested score where the standard is a formula
 * or a set of tiers (政府采购执行率, 固定资产利用率, 编外人员控制率, 满意度). The suggestion never fills
 * 自评得分 itself: the clerk decides, because each of those indicators also has judged parts.
 */
export interface DepartmentTemplateOptions {
  year: number;
  /** 部门（单位）名称, prefilled when given. */
  unit?: string;
}

/** Columns: A 一级名称, B 分值, C 二级名称, D 分值, E 三级名称, F 分值, G 指标说明, H 参考评分标准, I 自评得分. */
const COLUMN_WIDTHS = [9, 6, 10, 6, 13, 6, 28, 58, 9];
const DESCRIPTION_COL = 7;
const STANDARD_COL = 8;
const SCORE_COL = 9;
const LAST_COL = "I";
const TEXT_FONT_SIZE = 9;
const SCORE_FORMAT = "0.00";
const TOTAL_FORMAT = "0.00##";
const RATE_FORMAT = "0.00%";
const AMOUNT_FORMAT = "#,##0.00####";
const WEIGHT_FORMAT = "0.##";

/** Where the helpers' suggested scores apply: the third-level indicator they belong to. */
interface Helper {
  indicator: string;
  label: string;
  /** Heads of the two amount columns; undefined when the helper takes a percentage directly. */
  denominator?: string;
  numerator?: string;
  rule: string;
  /** Formula of the suggested score from the ratio cell. */
  score: (ratio: string) => string;
}

const HELPERS: readonly Helper[] = [
  {
    indicator: "政府采购执行情况",
    label: "政府采购执行率",
    denominator: "采购计划金额合计数",
    numerator: "实际采购金额合计数",
    rule: "执行率×1分，实际大于计划得0分（第1项；政策落实1分另评）",
    score: (r) => `IF(${r}="","",IF(${r}>1,0,ROUND(${r},2)))`,
  },
  {
    indicator: "固定资产利用率",
    label: "固定资产利用率",
    denominator: "所有固定资产总额",
    numerator: "实际在用固定资产总额",
    rule: "≥90%得1分，≥75%得0.7分，≥60%得0.4分，<60%得0分",
    score: (r) => `IF(${r}="","",IF(${r}>=0.9,1,IF(${r}>=0.75,0.7,IF(${r}>=0.6,0.4,0))))`,
  },
  {
    indicator: "编外人员控制率",
    label: "编外人员控制率",
    denominator: "在职人员总数（在编+编外）",
    numerator: "劳务派遣及编外人员数",
    rule: "<5%得1分，5%–10%得0.5分，>10%得0分",
    score: (r) => `IF(${r}="","",IF(${r}<0.05,1,IF(${r}<=0.1,0.5,0)))`,
  },
  {
    indicator: "公众或服务对象满意度",
    label: "公众或服务对象满意度",
    rule: "≥95%得6分，≥90%得4分，≥80%得2分，<80%得1分",
    score: (r) => `IF(${r}="","",IF(${r}>=0.95,6,IF(${r}>=0.9,4,IF(${r}>=0.8,2,1))))`,
  },
];

export function departmentTemplate(options: DepartmentTemplateOptions): TemplateSpec {
  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const validations: TemplateValidation[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, cell: Omit<TemplateCell, "address">): void => {
    cells.push({ address: toA1(row, col), ...cell });
  };
  const label = (row: number, col: number, text: string): void =>
    put(row, col, { role: "label", value: text });
  const header = (row: number, col: number, text: string): void =>
    put(row, col, { role: "header", value: text });
  const merge = (from: string, to: string): void => {
    if (from !== to) merges.push(`${from}:${to}`);
  };
  const widthOf = (fromCol: number, toCol: number): number =>
    COLUMN_WIDTHS.slice(fromCol - 1, toCol).reduce((sum, w) => sum + w, 0);

  put(1, 1, {
    role: "title",
    value: `${options.year}年度部门整体支出绩效评价指标体系评分表`,
  });
  merge("A1", `${LAST_COL}1`);
  rowHeights[1] = 28;
  label(2, 1, "部门（单位）名称");
  merge("A2", "C2");
  put(2, 4, options.unit ? { role: "inputText", value: options.unit } : { role: "inputText" });
  merge("D2", `${LAST_COL}2`);
  rowHeights[2] = 20;

  // Three head rows, as printed in seed 002.
  header(3, 1, "评价指标");
  merge("A3", "F3");
  header(3, DESCRIPTION_COL, "指标说明");
  merge("G3", "G5");
  header(3, STANDARD_COL, "参考评分标准");
  merge("H3", "H5");
  header(3, SCORE_COL, "自评得分");
  merge("I3", "I5");
  ["一级指标", "二级指标", "三级指标"].forEach((head, i) => {
    header(4, 1 + 2 * i, head);
    merge(toA1(4, 1 + 2 * i), toA1(4, 2 + 2 * i));
    header(5, 1 + 2 * i, "名称");
    // An explicit break, so the narrow column wraps between words, not inside one.
    header(5, 2 + 2 * i, "参考\n分值");
  });
  rowHeights[3] = 18;
  rowHeights[4] = 18;
  rowHeights[5] = 28;

  const firstRow = 6;
  let row = firstRow;
  const level1Rows: Array<{ name: string; weight: number; from: number; to: number }> = [];
  for (const level1 of DEPARTMENT_INDICATORS) {
    const level1From = row;
    for (const level2 of level1.children) {
      const level2From = row;
      for (const indicator of level2.indicators) {
        put(row, 5, { role: "label", value: indicator.name });
        put(row, 6, { role: "fixed", value: indicator.weight, numFmt: WEIGHT_FORMAT });
        put(row, DESCRIPTION_COL, { role: "text", value: indicator.description });
        put(row, STANDARD_COL, { role: "text", value: indicator.standard });
        put(row, SCORE_COL, { role: "input", numFmt: SCORE_FORMAT });
        validations.push({
          type: "decimal",
          range: toA1(row, SCORE_COL),
          min: 0,
          max: indicator.weight,
          error: `自评得分应在 0 到 ${indicator.weight} 分之间（参考分值 ${indicator.weight} 分）`,
        });
        rowHeights[row] = Math.max(
          rowHeightFor(
            indicator.description,
            widthOf(DESCRIPTION_COL, DESCRIPTION_COL),
            TEXT_FONT_SIZE,
          ),
          rowHeightFor(indicator.standard, widthOf(STANDARD_COL, STANDARD_COL), TEXT_FONT_SIZE),
          rowHeightFor(indicator.name, widthOf(5, 5)),
        );
        row++;
      }
      put(level2From, 3, { role: "label", value: level2.name });
      put(level2From, 4, { role: "fixed", value: level2.weight, numFmt: WEIGHT_FORMAT });
      merge(toA1(level2From, 3), toA1(row - 1, 3));
      merge(toA1(level2From, 4), toA1(row - 1, 4));
    }
    put(level1From, 1, { role: "label", value: level1.name });
    put(level1From, 2, { role: "fixed", value: level1.weight, numFmt: WEIGHT_FORMAT });
    merge(toA1(level1From, 1), toA1(row - 1, 1));
    merge(toA1(level1From, 2), toA1(row - 1, 2));
    level1Rows.push({ name: level1.name, weight: level1.weight, from: level1From, to: row - 1 });
  }
  const lastRow = row - 1;
  const scoreColumn = (from: number, to: number) =>
    `${toA1(from, SCORE_COL)}:${toA1(to, SCORE_COL)}`;
  const sumOrBlank = (range: string) =>
    `IF(COUNT(${range})=0,"",ROUND(SUM(${range}),${NOISE_DECIMALS}))`;

  // One subtotal per first-level indicator, then the total: 参考分值 and 自评得分 both by SUM, so a
  // changed weight or a forgotten score shows at once.
  for (const level1 of level1Rows) {
    put(row, 1, { role: "label", value: `${level1.name}小计` });
    merge(toA1(row, 1), toA1(row, 5));
    put(row, 6, {
      role: "computed",
      formula: `SUM(F${level1.from}:F${level1.to})`,
      numFmt: WEIGHT_FORMAT,
    });
    put(row, DESCRIPTION_COL, { role: "fixed" });
    merge(toA1(row, DESCRIPTION_COL), toA1(row, STANDARD_COL));
    put(row, SCORE_COL, {
      role: "computed",
      formula: sumOrBlank(scoreColumn(level1.from, level1.to)),
      numFmt: TOTAL_FORMAT,
    });
    row++;
  }
  const totalRow = row;
  put(totalRow, 1, { role: "label", value: "合计" });
  merge(toA1(totalRow, 1), toA1(totalRow, 5));
  put(totalRow, 6, {
    role: "computed",
    formula: `SUM(F${firstRow}:F${lastRow})`,
    numFmt: WEIGHT_FORMAT,
  });
  put(totalRow, DESCRIPTION_COL, { role: "fixed" });
  merge(toA1(totalRow, DESCRIPTION_COL), toA1(totalRow, STANDARD_COL));
  put(totalRow, SCORE_COL, {
    role: "computed",
    formula: sumOrBlank(scoreColumn(firstRow, lastRow)),
    numFmt: TOTAL_FORMAT,
  });
  const gradeRow = totalRow + 1;
  put(gradeRow, 1, { role: "label", value: "评分等级" });
  merge(toA1(gradeRow, 1), toA1(gradeRow, 5));
  put(gradeRow, 6, { role: "computed", formula: gradeFormula(toA1(totalRow, SCORE_COL)) });
  merge(toA1(gradeRow, 6), toA1(gradeRow, SCORE_COL));

  // Helper rows: D denominator, E numerator, F ratio, G:H rule, I suggested score.
  const helperHead = gradeRow + 2;
  header(helperHead, 1, "评分辅助计算（选填，建议得分供参考）");
  merge(toA1(helperHead, 1), toA1(helperHead, 3));
  header(helperHead, 4, "分母");
  header(helperHead, 5, "分子");
  header(helperHead, 6, "比率");
  header(helperHead, DESCRIPTION_COL, "计分规则");
  merge(toA1(helperHead, DESCRIPTION_COL), toA1(helperHead, STANDARD_COL));
  header(helperHead, SCORE_COL, "建议得分");
  rowHeights[helperHead] = rowHeightFor("评分辅助计算（选填，建议得分供参考）", widthOf(1, 3));
  row = helperHead + 1;
  for (const helper of HELPERS) {
    const ratio = toA1(row, 6);
    if (helper.denominator && helper.numerator) {
      const text = `${helper.label}\n分母：${helper.denominator}\n分子：${helper.numerator}`;
      put(row, 1, { role: "label", value: text });
      put(row, 4, { role: "input", numFmt: AMOUNT_FORMAT });
      put(row, 5, { role: "input", numFmt: AMOUNT_FORMAT });
      // Rounded to remove float noise before the tier comparisons (27 ÷ 30 must be 90%).
      put(row, 6, {
        role: "computed",
        formula: `IF(N(D${row})=0,"",ROUND(N(E${row})/D${row},${NOISE_DECIMALS}))`,
        numFmt: RATE_FORMAT,
      });
      rowHeights[row] = rowHeightFor(text, widthOf(1, 3));
    } else {
      const text = `${helper.label}（直接填写比率）`;
      put(row, 1, { role: "label", value: text });
      put(row, 4, { role: "fixed", value: "—" });
      put(row, 5, { role: "fixed", value: "—" });
      put(row, 6, { role: "input", numFmt: RATE_FORMAT });
      rowHeights[row] = rowHeightFor(text, widthOf(1, 3));
    }
    merge(toA1(row, 1), toA1(row, 3));
    put(row, DESCRIPTION_COL, { role: "text", value: `${helper.indicator}：${helper.rule}` });
    merge(toA1(row, DESCRIPTION_COL), toA1(row, STANDARD_COL));
    put(row, SCORE_COL, { role: "computed", formula: helper.score(ratio), numFmt: WEIGHT_FORMAT });
    row++;
  }

  const noteRow = row;
  put(noteRow, 1, {
    role: "note",
    value:
      "填表说明：黄色单元格为填写项，灰色单元格自动计算。自评得分不得超过参考分值；小计、合计和评分等级自动计算" +
      "（合计 ≥90 为优，80–90 为良，60–80 为中，<60 为差）。评分辅助计算只给出建议得分，自评得分仍需按参考评分标准逐项评定后填写。",
  });
  merge(toA1(noteRow, 1), toA1(noteRow, SCORE_COL));
  rowHeights[noteRow] = rowHeightFor(String(cells[cells.length - 1]!.value), widthOf(1, 9), 9);

  return {
    kind: "department",
    sheetName: `部门整体自评${options.year}`,
    styles: {
      ...DEFAULT_STYLES,
      text: { ...DEFAULT_STYLES.text, fontSize: TEXT_FONT_SIZE, vertical: "middle" },
    },
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    cells,
    merges,
    validations,
    print: {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 },
      printTitleRows: "3:5",
    },
    protect: true,
    firstInput: toA1(firstRow, SCORE_COL),
  };
}

/** The layout facts tests and hosts need without re-deriving them from cells. */
export function departmentLayout(): {
  firstRow: number;
  lastRow: number;
  scoreColumn: string;
  totalCell: string;
  gradeCell: string;
  helperRows: Record<string, number>;
} {
  const indicatorCount = DEPARTMENT_INDICATORS.flatMap((l1) =>
    l1.children.flatMap((l2) => l2.indicators),
  ).length;
  const firstRow = 6;
  const lastRow = firstRow + indicatorCount - 1;
  const totalRow = lastRow + DEPARTMENT_INDICATORS.length + 1;
  const gradeRow = totalRow + 1;
  const helperRows: Record<string, number> = {};
  HELPERS.forEach((helper, i) => (helperRows[helper.indicator] = gradeRow + 3 + i));
  return {
    firstRow,
    lastRow,
    scoreColumn: "I",
    totalCell: `I${totalRow}`,
    gradeCell: `F${gradeRow}`,
    helperRows,
  };
}
