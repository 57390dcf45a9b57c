/**
 * The web checker's host in Node: browser-like File objects (a name and arrayBuffer()) go through
 * the same reader and engine as the command line, with the same report for the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../../src/cli/check";
import { allFindings } from "../../../src/core/file-report";
import { capped, national, shanghai } from "../../../src/core/profiles";
import { QUOTE_LIMIT } from "../../../src/core/rules/fields";
import {
  checkFiles,
  readAndCheckFiles,
  recheckFiles,
  type CheckProgress,
  type WorkbookFile,
  type WorkbookReader,
} from "../../../src/hosts/web/check-files";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read-buffer";
import { longTextWorkbook } from "./long-text-workbook";

const SHANGHAI = path.resolve(__dirname, "..", "..", "fixtures", "shanghai.xlsx");
const SAMPLE = path.resolve(__dirname, "..", "..", "..", "samples", "示例-北京丰台2023.xlsx");

function fileOf(name: string, bytes: Uint8Array): WorkbookFile {
  // A copy in its own ArrayBuffer, as File.arrayBuffer() gives.
  return { name, arrayBuffer: async () => new Uint8Array(bytes).buffer };
}

describe("checkFiles (web checker host)", () => {
  it("reports what perf-eval check reports for the same workbook and profile", async () => {
    const [fromWeb] = await checkFiles(
      [fileOf("shanghai.xlsx", fs.readFileSync(SHANGHAI))],
      shanghai,
    );
    const fromCli = (await checkInputs([SHANGHAI], shanghai)).files[0];
    expect(fromWeb.file).toBe("shanghai.xlsx");
    expect(fromWeb.forms).toHaveLength(30);
    expect({ ...fromWeb, file: "" }).toEqual({ ...fromCli, file: "" });
    // Seed 003: 公务员管理 spent 115.43 of 187.40 — below 90%.
    const civil = fromWeb.forms.find((form) => form.projectName === "公务员管理");
    expect(civil?.findings.map((f) => f.rule)).toContain("exec-rate-low");
  });

  it("gives unreadable files a one-line Chinese reason and still checks the rest", async () => {
    const progress: CheckProgress[] = [];
    const oldXls = new Uint8Array(512);
    oldXls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const reports = await checkFiles(
      [
        fileOf("旧表.xls", oldXls),
        fileOf("说明.txt", new TextEncoder().encode("不是工作簿")),
        fileOf("shanghai.xlsx", fs.readFileSync(SHANGHAI)),
      ],
      national,
      { onProgress: (step) => progress.push(step) },
    );
    expect(reports.map((r) => r.unreadable ?? false)).toEqual([true, true, false]);
    expect(reports[0].findings).toHaveLength(1);
    expect(reports[0].findings[0].message).toMatch(/^“旧表\.xls”：这是旧版 \.xls 文件/);
    expect(reports[1].findings[0].message).toMatch(/^“说明\.txt”：文件不是 \.xlsx 工作簿/);
    for (const report of reports.slice(0, 2)) {
      expect(report.findings[0].message).not.toContain("\n");
    }
    expect(reports[2].forms).toHaveLength(30);
    // Each file is announced while read; only the readable one reaches the checking stage.
    expect(progress.map((p) => `${p.index}/${p.count} ${p.stage}`)).toEqual([
      "1/3 reading",
      "2/3 reading",
      "3/3 reading",
      "3/3 checking",
    ]);
  });

  it("re-checks with another profile on the grids already read, reading nothing again", async () => {
    const reads: string[] = [];
    const countingReader: WorkbookReader = (bytes, name) => {
      reads.push(name);
      return readXlsxBuffer(bytes, name);
    };
    const files = [
      fileOf("示例.xlsx", fs.readFileSync(SAMPLE)),
      fileOf("说明.txt", new TextEncoder().encode("不是工作簿")),
      fileOf("shanghai.xlsx", fs.readFileSync(SHANGHAI)),
    ];
    const first = await readAndCheckFiles(files, shanghai, { read: countingReader });
    expect(reads).toEqual(["示例.xlsx", "说明.txt", "shanghai.xlsx"]);
    expect(first.reports).toEqual(await checkFiles(files, shanghai));

    const progress: CheckProgress[] = [];
    const again = await recheckFiles(first.read, capped, {
      onProgress: (step) => progress.push(step),
    });
    expect(reads).toHaveLength(3);
    // The same as reading the files afresh with that profile, and not the first profile's result.
    expect(again).toEqual(await checkFiles(files, capped));
    expect(allFindings(again[0])).not.toEqual(allFindings(first.reports[0]));
    expect(again[1].unreadable).toBe(true);
    expect(again[1].findings[0].message).toBe(first.reports[1].findings[0].message);
    expect(progress.map((p) => `${p.index}/${p.count} ${p.stage}`)).toEqual([
      "1/3 checking",
      "3/3 checking",
    ]);
    // Back to the first profile: the grids were not changed by checking them.
    expect(await recheckFiles(first.read, shanghai)).toEqual(first.reports);
  });

  it("quotes at most a short excerpt of a long cell in messages; the report keeps the whole", async () => {
    const hostile = await longTextWorkbook();
    expect(hostile.totalChars).toBeGreaterThanOrEqual(1_200_000);
    expect(hostile.bytes.length).toBeLessThan(64 * 1024);
    const [report] = await checkFiles([fileOf("长文本.xlsx", hostile.bytes)], national);
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0].projectName).toBe(hostile.projectName);
    const findings = allFindings(report);
    const quoting = findings.filter((f) => f.message.includes("第1项实际完成情况"));
    expect(quoting.map((f) => f.rule).sort()).toEqual([
      "deviation-unexplained",
      "score-out-of-range",
    ]);
    for (const finding of findings) {
      // A message's own words plus at most two quoted excerpts.
      expect(finding.message.length).toBeLessThan(300);
    }
    const deviation = quoting.find((f) => f.rule === "deviation-unexplained");
    expect(deviation?.message).toContain(
      `“${hostile.indicators[0].actual.slice(0, QUOTE_LIMIT)}…”`,
    );
    expect(deviation?.actual).toBe(hostile.indicators[0].actual);
    expect(deviation?.expected).toBe(hostile.indicators[0].target);
  });
});
