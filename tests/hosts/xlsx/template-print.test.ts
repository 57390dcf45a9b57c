import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_KINDS, templateSpec, type TemplateKind } from "../../../src/core/templates";
import { renderTemplate } from "../../../src/hosts/xlsx/template";
import {
  convertWithLibreOffice,
  pdfPageText,
  pdfPages,
  skipLibreOffice,
} from "../../support/libreoffice";

/** A4 in points, either way round, with pdfinfo's rounding. */
function isA4(size: { width: number; height: number }): boolean {
  const [short, long] = [size.width, size.height].sort((a, b) => a - b);
  return Math.abs(short! - 595.3) < 1 && Math.abs(long! - 841.9) < 1;
}

/** Without spaces or line breaks: pdftotext may split a head over two lines in a narrow column. */
const compact = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(skipLibreOffice)("templates printed by LibreOffice", () => {
  let dir: string;
  const pdfs = new Map<TemplateKind, string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "perf-eval-print-"));
    const files: string[] = [];
    for (const kind of TEMPLATE_KINDS) {
      const workbook = new ExcelJS.Workbook();
      await renderTemplate(workbook, templateSpec(kind, { year: 2025, unit: "福田区委组织部" }));
      const file = join(dir, `${kind}.xlsx`);
      await workbook.xlsx.writeFile(file);
      files.push(file);
    }
    const out = await convertWithLibreOffice(files, "pdf", join(dir, "pdf"));
    TEMPLATE_KINDS.forEach((kind, i) => pdfs.set(kind, out[i]!));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const kind of ["project", "project-2021"] as const) {
    it(`prints the ${kind} form on one A4 page, nothing cut off`, async () => {
      const pdf = pdfs.get(kind)!;
      const { pages, sizes } = await pdfPages(pdf);
      expect(pages).toBe(1);
      expect(sizes.every(isA4)).toBe(true);
      const text = compact(await pdfPageText(pdf, 1));
      expect(text).toContain("项目支出绩效自评表");
      // The right-most column head and the last row both made it onto the page.
      expect(text).toContain("偏差原因分析及改进措施");
      expect(text).toContain("填表说明");
      expect(text).toContain("福田区委组织部");
    });
  }

  it("prints the department table one A4 page wide, heads repeated on every page", async () => {
    const pdf = pdfs.get("department")!;
    const { pages, sizes } = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(6);
    expect(sizes).toHaveLength(pages);
    for (const size of sizes) {
      expect(isA4(size)).toBe(true);
      expect(size.width).toBeGreaterThan(size.height); // landscape
    }
    // Were the columns split over two pages wide, some page would lack the first or the last head.
    for (let page = 1; page <= pages; page++) {
      const text = compact(await pdfPageText(pdf, page));
      expect(text, `page ${page}`).toContain("一级指标");
      expect(text, `page ${page}`).toContain("自评得分");
    }
    expect(compact(await pdfPageText(pdf, 1))).toContain("部门整体支出绩效评价指标体系评分表");
    expect(compact(await pdfPageText(pdf, pages))).toContain("填表说明");
  });
});
