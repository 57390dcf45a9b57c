import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoldenFinding } from "./support/seed-fixtures";

/**
 * The committed fixture workbooks and goldens are generated from tests/fixtures/forms/*.json by
 * scripts/build-fixtures.mjs. Regenerate them into a temp dir and compare, so nobody edits the
 * JSON (or a workbook) and forgets the other.
 */

const root = path.resolve(__dirname, "..");
const fixtures = path.join(root, "tests", "fixtures");
const NAMES = ["beijing", "shanghai", "offset", "sichuan", "yuan", "department"];
let fresh: string;

beforeAll(() => {
  fresh = fs.mkdtempSync(path.join(os.tmpdir(), "perf-fixtures-"));
  execFileSync(
    process.execPath,
    [path.join(root, "scripts", "build-fixtures.mjs"), "--out", fresh],
    {
      stdio: "pipe",
    },
  );
});

afterAll(() => {
  if (fresh) fs.rmSync(fresh, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a reader sees: sheet names and states, merges, and each cell's value and format. */
function snapshot(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells.push(`${cell.address}\t${JSON.stringify(cell.value)}\t${cell.numFmt ?? ""}`);
      }),
    );
    return { name: ws.name, state: ws.state, merges: [...ws.model.merges].sort(), cells };
  });
}

function goldenOf(dir: string, name: string): GoldenFinding[] {
  return JSON.parse(
    fs.readFileSync(path.join(dir, "golden", `${name}.json`), "utf8"),
  ) as GoldenFinding[];
}

describe("fixture workbooks are in sync with tests/fixtures/forms", () => {
  it("generates exactly the committed set of workbooks and goldens", () => {
    for (const name of NAMES) {
      const generated = fs.existsSync(path.join(fresh, `${name}.xlsx`));
      expect(fs.existsSync(path.join(fixtures, `${name}.xlsx`)), `${name}.xlsx committed`).toBe(
        generated,
      );
      expect(fs.existsSync(path.join(fixtures, "golden", `${name}.json`)), `${name} golden`).toBe(
        generated,
      );
    }
    expect(fs.existsSync(path.join(fresh, "shanghai.xlsx"))).toBe(true);
  });

  for (const name of NAMES) {
    it(`${name}: cells, merges and goldens match a fresh build`, async () => {
      const freshFile = path.join(fresh, `${name}.xlsx`);
      if (!fs.existsSync(freshFile)) return; // no seed data for this layout yet (checked above)
      const [committed, regenerated] = await Promise.all([
        load(path.join(fixtures, `${name}.xlsx`)),
        load(freshFile),
      ]);
      const a = snapshot(committed);
      const b = snapshot(regenerated);
      expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
      for (let i = 0; i < a.length; i++) expect(a[i], `sheet ${a[i].name}`).toEqual(b[i]);
      expect(goldenOf(fixtures, name)).toEqual(goldenOf(fresh, name));
    });
  }
});

describe("golden cells point at the seed values they talk about", () => {
  async function cellAt(name: string, g: GoldenFinding) {
    const wb = await load(path.join(fixtures, `${name}.xlsx`));
    const ws = wb.getWorksheet(g.sheet);
    if (!ws) throw new Error(`no sheet ${g.sheet}`);
    return { ws, cell: ws.getCell(g.cell) };
  }

  it("Shanghai exec-rate-low findings sit on the printed 执行率 (公务员管理 61.59, 储备人才 84.45)", async () => {
    const golden = goldenOf(fixtures, "shanghai");
    const rates: Record<string, number> = { 公务员管理: 61.59, 储备人才专项经费: 84.45 };
    for (const [project, rate] of Object.entries(rates)) {
      const g = golden.find((x) => x.rule === "exec-rate-low" && x.projectName === project);
      expect(g, project).toBeDefined();
      const { ws, cell } = await cellAt("shanghai", g!);
      expect(cell.value).toBe(rate);
      expect(cell.numFmt).toBe("0.00");
      // Same row, one column left: the 分数 10.00; one right: the execution 得分.
      const row = Number(cell.row);
      const col = Number(cell.col);
      expect(ws.getCell(row, col - 1).value).toBe(10);
      expect(ws.getCell(row, col + 1).value).toBe(project === "公务员管理" ? 6.16 : 8.45);
    }
  });

  it("the 社会科学课题 form keeps 0.00 / 4.00 / 2.71 → 67.75 → 6.78 in the offset sheet", async () => {
    const g = goldenOf(fixtures, "offset").find(
      (x) => x.rule === "exec-rate-low" && x.projectName.includes("社会科学课题"),
    );
    expect(g).toBeDefined();
    const { ws, cell } = await cellAt("offset", g!);
    const row = Number(cell.row);
    const col = Number(cell.col);
    expect([-4, -3, -2, 0, 1].map((d) => ws.getCell(row, col + d).value)).toEqual([
      0, 4, 2.71, 67.75, 6.78,
    ]);
    expect(g!.cell).not.toMatch(/^[AB]\d+$/); // laid out away from column A
  });

  it("required-field goldens point at the empty 年度指标值 next to its 三级指标", async () => {
    const golden = goldenOf(fixtures, "shanghai").filter((x) => x.rule === "required-field");
    expect(golden.length).toBeGreaterThanOrEqual(2);
    for (const g of golden) {
      const { ws, cell } = await cellAt("shanghai", g);
      expect(cell.value).toBeNull();
      expect(ws.getCell(Number(cell.row), Number(cell.col) - 1).value).toBe("系统运维制度健全性");
    }
  });

  it("the offset workbook starts with a hidden empty sheet and has a form at C4", async () => {
    const wb = await load(path.join(fixtures, "offset.xlsx"));
    expect(wb.worksheets[0].state).toBe("hidden");
    expect(wb.worksheets[0].actualRowCount).toBe(0);
    const spaced = wb.worksheets.find((ws) => ws.name.includes(" "));
    expect(spaced?.getCell("C4").value).toBe("财政项目支出绩效自评表");
  });
});
