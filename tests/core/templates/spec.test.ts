import { describe, expect, it } from "vitest";
import { fromA1, toA1 } from "../../../src/core/grid";
import {
  DEPARTMENT_INDICATORS,
  TEMPLATE_KINDS,
  departmentLayout,
  rowHeightFor,
  templateSpec,
  textWidth,
  type TemplateSpec,
} from "../../../src/core/templates";

const specs: Array<[string, TemplateSpec]> = TEMPLATE_KINDS.map((kind) => [
  kind,
  templateSpec(kind, { year: 2025, unit: "福田区委组织部" }),
]);

/** Every cell address a formula mentions, ranges expanded. */
function referencedCells(formula: string): string[] {
  const withoutStrings = formula.replace(/"[^"]*"/g, '""');
  const out: string[] = [];
  for (const match of withoutStrings.matchAll(
    /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g,
  )) {
    const start = fromA1(`${match[1]}${match[2]}`)!;
    const end = match[3] ? fromA1(`${match[3]}${match[4]}`)! : start;
    for (let row = start.row; row <= end.row; row++) {
      for (let col = start.col; col <= end.col; col++) out.push(toA1(row, col));
    }
  }
  return out;
}

function cellsInRange(range: string): string[] {
  return referencedCells(range);
}

describe.each(specs)("template %s", (kind, spec) => {
  const byAddress = new Map(spec.cells.map((cell) => [cell.address, cell]));

  it("has each address once", () => {
    expect(byAddress.size).toBe(spec.cells.length);
  });

  it("references only cells of its own sheet that the template defines", () => {
    const formulas = spec.cells.filter((cell) => cell.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(3);
    for (const cell of formulas) {
      expect(cell.formula, cell.address).not.toContain("!");
      for (const ref of referencedCells(cell.formula!)) {
        expect(byAddress.has(ref), `${cell.address} → ${ref}`).toBe(true);
      }
    }
  });

  it("uses only native functions shared by Excel, WPS and LibreOffice (no PERF.*)", () => {
    const allowed = new Set(["IF", "N", "SUM", "ROUND", "MIN", "COUNT"]);
    for (const cell of spec.cells) {
      if (!cell.formula) continue;
      expect(cell.formula).not.toMatch(/PERF\./i);
      expect(cell.formula.startsWith("=")).toBe(false);
      for (const [, name] of cell.formula.replace(/"[^"]*"/g, '""').matchAll(/([A-Z.]+)\(/g)) {
        expect(allowed.has(name!), `${cell.address}: ${name}`).toBe(true);
      }
    }
  });

  it("keeps inputs unlocked and computed cells locked, and computes only by formula", () => {
    for (const cell of spec.cells) {
      const style = spec.styles[cell.role];
      if (cell.role === "input" || cell.role === "inputText") expect(style.locked).toBe(false);
      else expect(style.locked, `${cell.address} ${cell.role}`).toBe(true);
      if (cell.formula !== undefined) expect(cell.role, cell.address).toBe("computed");
      if (cell.role === "computed") expect(cell.formula, cell.address).toBeDefined();
    }
    // Inputs look different from computed cells.
    expect(spec.styles.input.fill).toBeDefined();
    expect(spec.styles.computed.fill).toBeDefined();
    expect(spec.styles.input.fill).not.toBe(spec.styles.computed.fill);
    expect(spec.protect).toBe(true);
    expect(spec.styles[byAddress.get(spec.firstInput)!.role].locked).toBe(false);
  });

  it("has merges that never overlap and hide no value", () => {
    const covered = new Map<string, string>();
    for (const range of spec.merges) {
      const cells = cellsInRange(range);
      expect(cells.length, range).toBeGreaterThan(1);
      cells.forEach((address, i) => {
        expect(covered.has(address), `${range} overlaps ${covered.get(address)}`).toBe(false);
        covered.set(address, range);
        if (i > 0) {
          const cell = byAddress.get(address);
          expect(cell?.value ?? cell?.formula, `${address} inside ${range}`).toBeUndefined();
        }
      });
    }
  });

  it("prints on A4 one page wide, in fonts Office and WPS both have", () => {
    expect(spec.print.paperSize).toBe("A4");
    expect(spec.print.fitToWidth).toBe(1);
    for (const style of Object.values(spec.styles))
      expect(["宋体", "黑体"]).toContain(style.fontName);
    const lastColumn = Math.max(...spec.cells.map((cell) => fromA1(cell.address)!.col));
    expect(spec.columnWidths.length).toBe(lastColumn);
  });

  it("has dropdown lists Excel accepts (under 255 characters) on cells of the sheet", () => {
    for (const validation of spec.validations) {
      for (const address of cellsInRange(validation.range)) {
        expect(byAddress.has(address), `${validation.range}: ${address}`).toBe(true);
      }
      if (validation.type === "list") {
        expect(validation.list.join(",").length).toBeLessThan(255);
        expect(validation.list.every((item) => !item.includes(","))).toBe(true);
      } else {
        expect(validation.min).toBeLessThanOrEqual(validation.max);
      }
      expect(validation.error).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("carries the year and the unit", () => {
    const texts = spec.cells.map((cell) => String(cell.value ?? ""));
    expect(texts.some((text) => text.includes("2025年度"))).toBe(true);
    expect(texts).toContain("福田区委组织部");
    expect(spec.sheetName).toContain("2025");
    expect(spec.sheetName.length).toBeLessThanOrEqual(31);
  });
});

describe("project templates", () => {
  const valueAt = (spec: TemplateSpec, address: string) =>
    spec.cells.find((cell) => cell.address === address)?.value;
  const level1Of = (spec: TemplateSpec, level2: string) =>
    spec.cells
      .filter((cell) => cell.value === level2 && cell.address.startsWith("B"))
      .map((cell) => valueAt(spec, `A${fromA1(cell.address)!.row}`));

  it("puts 成本指标 under 产出指标 in the national form", () => {
    const spec = templateSpec("project", { year: 2025 });
    expect(level1Of(spec, "成本指标")).toEqual(["产出指标"]);
  });

  it("makes 成本指标 a first-level indicator with three second levels in the 2021 form", () => {
    const spec = templateSpec("project-2021", { year: 2025 });
    for (const level2 of ["经济成本指标", "社会成本指标", "生态环境成本指标"]) {
      expect(level1Of(spec, level2)).toEqual(["成本指标"]);
    }
    const level1List = spec.validations.find((v) => v.type === "list" && v.range.startsWith("A"));
    expect(level1List?.type === "list" && level1List.list).toEqual([
      "产出指标",
      "效益指标",
      "成本指标",
      "满意度指标",
    ]);
  });

  it("lays out the national sections in order", () => {
    const spec = templateSpec("project", { year: 2024 });
    const rowOf = (text: string) =>
      fromA1(spec.cells.find((cell) => cell.value === text)!.address)!.row;
    expect(valueAt(spec, "A1")).toBe("项目支出绩效自评表");
    expect(valueAt(spec, "A2")).toBe("（2024年度）");
    const order = [
      "项目名称",
      "主管部门",
      "年度资金总额",
      "年度总体目标",
      "一级指标",
      "总分",
      "评分等级",
    ];
    const rows = order.map(rowOf);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(valueAt(spec, "F7")).toBe(10);
  });
});

describe("department template (seed 002)", () => {
  it("transcribes the three levels with 参考分值 adding up: 25 + 20 + 55 = 100", () => {
    expect(DEPARTMENT_INDICATORS.map((l1) => [l1.name, l1.weight])).toEqual([
      ["部门决策", 25],
      ["部门管理", 20],
      ["部门绩效", 55],
    ]);
    expect(DEPARTMENT_INDICATORS.reduce((sum, l1) => sum + l1.weight, 0)).toBe(100);
    for (const l1 of DEPARTMENT_INDICATORS) {
      expect(
        l1.children.reduce((sum, l2) => sum + l2.weight, 0),
        l1.name,
      ).toBe(l1.weight);
      for (const l2 of l1.children) {
        expect(
          l2.indicators.reduce((sum, i) => sum + i.weight, 0),
          l2.name,
        ).toBe(l2.weight);
        for (const indicator of l2.indicators) {
          expect(indicator.description.length, indicator.name).toBeGreaterThan(10);
          expect(indicator.standard.length, indicator.name).toBeGreaterThan(10);
        }
      }
    }
  });

  it("has the seed's indicators and weights", () => {
    const third = DEPARTMENT_INDICATORS.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators));
    const weightOf = (name: string) => third.find((i) => i.name === name)?.weight;
    expect(third).toHaveLength(21);
    expect(weightOf("预算编制合理性")).toBe(5);
    expect(weightOf("绩效目标完整性")).toBe(8);
    expect(weightOf("政府采购执行情况")).toBe(2);
    expect(weightOf("固定资产利用率")).toBe(1);
    expect(weightOf("预算执行率")).toBe(6);
    expect(weightOf("社会效益、经济效益、生态效益及可持续影响等")).toBe(20);
    expect(weightOf("公众或服务对象满意度")).toBe(6);
    expect(third.find((i) => i.name === "公众或服务对象满意度")?.standard).toContain(
      "满意度≥95%的，得6分",
    );
  });

  it("sums 自评得分 into subtotals and a total, and grades the total", () => {
    const spec = templateSpec("department", { year: 2020 });
    const layout = departmentLayout();
    const total = spec.cells.find((cell) => cell.address === layout.totalCell);
    expect(total?.formula).toContain(`SUM(I${layout.firstRow}:I${layout.lastRow})`);
    const grade = spec.cells.find((cell) => cell.address === layout.gradeCell);
    expect(grade?.formula).toContain(layout.totalCell);
    for (let row = layout.firstRow; row <= layout.lastRow; row++) {
      const score = spec.cells.find((cell) => cell.address === `I${row}`);
      expect(score?.role).toBe("input");
      // Each 自评得分 is limited to its 参考分值.
      const weight = spec.cells.find((cell) => cell.address === `F${row}`)?.value;
      const limit = spec.validations.find((v) => v.range === `I${row}`);
      expect(limit?.type === "decimal" && limit.max).toBe(weight);
    }
    expect(spec.print.orientation).toBe("landscape");
    expect(spec.print.printTitleRows).toBe("3:5");
  });
});

describe("row heights for wrapped text", () => {
  it("counts CJK characters double and grows with the text", () => {
    expect(textWidth("ab")).toBe(2);
    expect(textWidth("满意度")).toBe(6);
    const short = rowHeightFor("满意度", 20);
    const long = rowHeightFor("满意度".repeat(20), 20);
    expect(long).toBeGreaterThan(short * 5);
    expect(rowHeightFor("一\n二\n三", 20)).toBeGreaterThan(rowHeightFor("一二三", 20) * 2);
  });
});
