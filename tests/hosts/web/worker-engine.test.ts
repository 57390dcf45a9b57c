/**
 * What the web checker's worker does (src/hosts/web/worker-engine.ts), in Node: files arrive as
 * Blobs with their names, reports come back as `perf-eval check` gives them, a profile switch
 * re-checks the grids the worker kept, and the summary workbook is the command line's.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../../src/cli/check";
import { capped, national } from "../../../src/core/profiles";
import type { CheckProgress } from "../../../src/hosts/web/check-files";
import { answer, forgetRun } from "../../../src/hosts/web/worker-engine";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");
const SHANGHAI = path.join(FIXTURES, "shanghai.xlsx");
const YUAN = path.join(FIXTURES, "yuan.xlsx");
const blob = (file: string) => new Blob([fs.readFileSync(file)]);

describe("the web checker's worker engine", () => {
  it("reads, re-checks the kept grids with another profile, and writes the summary", async () => {
    const progress: CheckProgress[] = [];
    const read = await answer(
      {
        kind: "read",
        id: 1,
        run: 7,
        files: [blob(SHANGHAI), new Blob(["不是工作簿"]), blob(YUAN)],
        names: ["shanghai.xlsx", "说明.xlsx", "yuan.xlsx"],
        profile: "national",
      },
      (step) => progress.push(step),
    );
    expect(read.kind).toBe("reports");
    if (read.kind !== "reports") return;
    const cli = await checkInputs([SHANGHAI, YUAN], national);
    expect(read.reports.map((r) => r.file)).toEqual(["shanghai.xlsx", "说明.xlsx", "yuan.xlsx"]);
    expect({ ...read.reports[0], file: "" }).toEqual({ ...cli.files[0], file: "" });
    expect({ ...read.reports[2], file: "" }).toEqual({ ...cli.files[1], file: "" });
    expect(read.reports[1].findings[0].message).toMatch(/^“说明\.xlsx”：文件不是 \.xlsx 工作簿/);
    expect(progress.filter((p) => p.stage === "reading").map((p) => p.file)).toEqual([
      "shanghai.xlsx",
      "说明.xlsx",
      "yuan.xlsx",
    ]);

    const rechecked = await answer(
      { kind: "recheck", id: 2, run: 7, profile: "capped" },
      () => undefined,
    );
    const cliCapped = await checkInputs([SHANGHAI], capped);
    expect(rechecked.kind).toBe("reports");
    if (rechecked.kind !== "reports") return;
    expect({ ...rechecked.reports[0], file: "" }).toEqual({ ...cliCapped.files[0], file: "" });
    expect(rechecked.reports[1]).toEqual(read.reports[1]);

    const summary = await answer(
      { kind: "summary", id: 3, run: 7, reports: rechecked.reports, profile: "capped" },
      () => undefined,
    );
    expect(summary.kind).toBe("summary");
    if (summary.kind !== "summary") return;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(summary.bytes.buffer as ArrayBuffer);
    const forms = workbook.getWorksheet("表格汇总")!;
    // 30 Shanghai forms, a row for the unreadable file, the yuan workbook's forms.
    const yuanForms = read.reports[2].forms.length;
    expect(forms.rowCount).toBe(1 + 30 + 1 + yuanForms);
    expect(forms.getRow(2).getCell(1).value).toEqual({
      text: "shanghai.xlsx",
      hyperlink: "shanghai.xlsx",
    });
    expect(forms.getRow(2).getCell(4).value).toBe("中共上海闵行区组织部(汇总)");
    expect(String(forms.getRow(32).getCell(12).value)).toMatch(/不是 \.xlsx 工作簿/);
    expect(forms.getRow(33).getCell(5).value).toBe(298373.03);
    const findings = workbook.getWorksheet("问题清单")!;
    const count = rechecked.reports.reduce(
      (n, r) => n + r.findings.length + r.forms.reduce((m, f) => m + f.findings.length, 0),
      0,
    );
    expect(findings.rowCount).toBe(1 + count);
  });

  it("a run it no longer keeps is one Chinese sentence, not a crash", async () => {
    await answer(
      {
        kind: "read",
        id: 1,
        run: 8,
        files: [blob(YUAN)],
        names: ["yuan.xlsx"],
        profile: "national",
      },
      () => undefined,
    );
    forgetRun(8);
    const reply = await answer(
      { kind: "recheck", id: 2, run: 8, profile: "capped" },
      () => undefined,
    );
    expect(reply).toEqual({
      kind: "failed",
      id: 2,
      message: expect.stringMatching(/请重新选择文件/),
    });
  });
});
