import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectDepartmentForms } from "../../../src/core/forms/department";
import { national } from "../../../src/core/profiles";
import { departmentLayout, templateSpec } from "../../../src/core/templates";
import { validateWorkbook } from "../../../src/core/validate";
import { readXlsxBuffer, readXlsxFile } from "../../../src/hosts/xlsx/read";
import { renderTemplate } from "../../../src/hosts/xlsx/template";

/** Seed 002's 自评得分, in the template's row order (部门决策 24, 部门管理 19, 部门绩效 54.85). */
const SEED_002_SCORES = [5, 5, 8, 6, 2, 3, 3, 2, 2, 2, 1, 1, 0, 3, 6, 5.85, 8, 6, 20, 3, 6];

type Fill = (sheet: ExcelJS.Worksheet, layout: ReturnType<typeof departmentLayout>) => void;

/** Our department template rendered to xlsx, filled as a clerk would, read back like a user's file. */
async function templateWorkbook(fill?: Fill, unit: string | null = "中共福田区委组织部") {
  const workbook = new ExcelJS.Workbook();
  const sheet = await renderTemplate(
    workbook,
    templateSpec("department", { year: 2020, unit: unit ?? undefined }),
  );
  fill?.(sheet, departmentLayout());
  const buffer = await workbook.xlsx.writeBuffer();
  return readXlsxBuffer(new Uint8Array(buffer as ArrayBuffer));
}

const seedScores: Fill = (sheet, layout) =>
  SEED_002_SCORES.forEach((score, i) => (sheet.getCell(`I${layout.firstRow + i}`).value = score));

describe("the department template filled in", () => {
  it("is one form with its 21 indicators, three levels and seed 002's total", async () => {
    const grid = await templateWorkbook(seedScores);
    const forms = detectDepartmentForms(grid.sheets[0]);
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect(form.rows).toHaveLength(21);
    expect(form.level1.map((g) => [g.name.text, g.weight.numeric])).toEqual([
      ["部门决策", 25],
      ["部门管理", 20],
      ["部门绩效", 55],
    ]);
    expect(form.level2).toHaveLength(11);
    expect(form.rows[15]).toMatchObject({
      name: { text: "预算执行率" },
      weight: { numeric: 6 },
      score: { address: `I${departmentLayout().firstRow + 15}`, text: "5.85" },
    });
    expect(form.subtotals).toHaveLength(3);
    expect(Object.keys(form.ratios).sort()).toEqual(
      ["公众或服务对象满意度", "固定资产利用率", "政府采购执行率", "编外人员控制率"].sort(),
    );

    const report = validateWorkbook(grid, national);
    expect(report.findings).toEqual([]);
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0]).toMatchObject({
      projectName: "中共福田区委组织部",
      execution: { rate: null, score: null },
      total: { printed: 97.85, computed: 97.85 },
      grade: "优",
      findings: [],
    });
  });

  it("blank: one blank form asking only for the 部门名称 and the 自评得分 (once)", async () => {
    const report = validateWorkbook(await templateWorkbook(undefined, null), national);
    expect(report.forms).toHaveLength(1);
    expect(report.findings).toEqual([]);
    expect(report.forms[0].findings.map((f) => [f.rule, f.cell])).toEqual([
      ["required-field", "D2"],
      ["required-field", `I${departmentLayout().firstRow}`],
    ]);
    expect(report.forms[0].total).toEqual({ printed: null, computed: null });
  });

  it("reports planted arithmetic errors under the project rules' ids", async () => {
    const first = departmentLayout().firstRow;
    const layout = departmentLayout();
    const grid = await templateWorkbook((sheet) => {
      seedScores(sheet, layout);
      sheet.getCell(`I${first}`).value = 6; // 预算编制合理性: 6 of 5
      sheet.getCell(`F${first + 3}`).value = 8; // 绩效指标明确性 参考分值 7 → 8 (目标设置 stays 15)
      sheet.getCell(layout.totalCell).value = 97; // typed over the formula (the scores add to 98.85)
      sheet.getCell(layout.gradeCell).value = "良";
      // 满意度 85% gives 2, the table says 6; 固定资产 27 / 30 = 90% gives 1, as scored.
      sheet.getCell(`F${layout.helperRows["公众或服务对象满意度"]}`).value = 0.85;
      sheet.getCell(`D${layout.helperRows["固定资产利用率"]}`).value = 30;
      sheet.getCell(`E${layout.helperRows["固定资产利用率"]}`).value = 27;
    });
    const report = validateWorkbook(grid, national);
    const totalRow = Number(layout.totalCell.slice(1));
    expect(report.forms[0].findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      `score-out-of-range I${first}`,
      `weight-sum D${first + 2}`,
      `score-inconsistent I${first + 20}`,
      `weight-sum F${totalRow}`,
      `total-mismatch ${layout.totalCell}`,
      `grade-mismatch ${layout.gradeCell}`,
    ]);
  });

  it("reports text in score cells: unreadable as invalid-number, a number as number-as-text", async () => {
    const first = departmentLayout().firstRow;
    const grid = await templateWorkbook((sheet, layout) => {
      seedScores(sheet, layout);
      sheet.getCell(`I${first + 1}`).value = "待定";
      sheet.getCell(`I${first + 20}`).value = "6分";
    });
    const findings = validateWorkbook(grid, national).forms[0].findings;
    // The 部门绩效 subtotal's SUM skips the text "6分": it prints 48.85 for 54.85, which is wrong
    // on paper too. The total and the 部门决策 subtotal cannot be checked with 待定 among the scores.
    const subtotal = Number(departmentLayout().totalCell.slice(1)) - 1;
    expect(findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([
      `invalid-number error I${first + 1}`,
      `number-as-text warning I${first + 20}`,
      `total-mismatch error I${subtotal}`,
    ]);
  });
});

describe("seed 002's table laid out by hand (tests/fixtures/department.xlsx)", () => {
  it("is one form: 21 indicators under 3 + 11 groups, repeated heads skipped, 总计 97.85, no finding", async () => {
    const grid = await readXlsxFile(join(__dirname, "..", "..", "fixtures", "department.xlsx"));
    const [form] = detectDepartmentForms(grid.sheets[0]);
    expect(form.rows).toHaveLength(21);
    expect(form.rows.map((r) => r.score.text).join(" ")).toBe(SEED_002_SCORES.join(" "));
    expect(form.level1.map((g) => g.rows.length)).toEqual([4, 10, 7]);
    expect(form.level2.map((g) => g.name.text)).toEqual([
      "预算编制",
      "目标设置",
      "资金管理",
      "项目管理",
      "资产管理",
      "人员管理",
      "制度管理",
      "经济性",
      "效率性",
      "效果性",
      "公平性",
    ]);
    expect(form.total?.weight?.text).toBe("100");
    const report = validateWorkbook(grid, national);
    expect(report.forms.map((f) => [f.projectName, f.total, f.grade, f.findings])).toEqual([
      ["中共福田区委组织部（本级）", { printed: 97.85, computed: 97.85 }, "优", []],
    ]);
  });

  it("reports a planted error of each kind the table can hold", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(__dirname, "..", "..", "fixtures", "department.xlsx"));
    const ws = workbook.worksheets[0];
    const cellOf = (text: string) => {
      let found = "";
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === text && found === "") found = cell.address;
        }),
      );
      return ws.getCell(found);
    };
    // 编外人员控制率 scored 2 of 1; 目标设置 printed 16 for 8 + 7.
    const outsider = cellOf("编外人员控制率");
    ws.getCell(Number(outsider.row), Number(outsider.col) + 4).value = 2;
    const target = cellOf("目标设置");
    ws.getCell(Number(target.row), Number(target.col) + 1).value = 16;
    const grid = await readXlsxBuffer(
      new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    );
    const findings = validateWorkbook(grid, national).forms[0].findings;
    expect(findings.map((f) => f.rule).sort()).toEqual([
      "score-out-of-range",
      "total-mismatch",
      "weight-sum",
      "weight-sum",
    ]);
  });
});
