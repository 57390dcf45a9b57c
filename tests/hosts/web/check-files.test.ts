/**
 * The web checker's host in Node: browser-like File objects (a name and arrayBuffer()) go through
 * the same reader and engine as the command line, with the same report for the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../../src/cli/check";
import { national, shanghai } from "../../../src/core/profiles";
import {
  checkFiles,
  type CheckProgress,
  type WorkbookFile,
} from "../../../src/hosts/web/check-files";

const SHANGHAI = path.resolve(__dirname, "..", "..", "fixtures", "shanghai.xlsx");

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
});
