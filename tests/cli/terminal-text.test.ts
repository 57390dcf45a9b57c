import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { terminalSafeJson, visible } from "../../src/cli/visible";
import {
  allFindings,
  HAN,
  runCli,
  seedForm,
  tempDir,
  writeWorkbook,
  type JsonReport,
} from "./helpers";

/**
 * A submitter controls cell text and file names. Printed on the reviewer's terminal they must not
 * clear the screen, retitle the window or forge a report line: control characters are shown as
 * escapes (src/cli/visible.ts); `--json` escapes them as JSON does.
 */

const ESC = "\u001b";
const BEL = "\u0007";
/** Any character a terminal acts on or that reorders text, except the report's own line feeds. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these.
const HOSTILE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The report's own colours, the only escape sequences allowed on a terminal. */
const OUR_COLOURS = new RegExp(`${ESC}\\[\\d+m`, "g");

describe("visible()", () => {
  it("escapes C0, DEL, C1 and bidi controls readably; leaves text and backslashes alone", () => {
    expect(visible(`${ESC}[2J`)).toBe("\\x1b[2J");
    expect(visible("第一行\n第二行\t\r")).toBe("第一行\\n第二行\\t\\r");
    expect(visible(`\u0000${BEL}\u007f\u0085\u009b`)).toBe("\\x00\\x07\\x7f\\x85\\x9b");
    expect(visible("\u202eabc\u2066\u2069\u200f\u2028")).toBe(
      "\\u202eabc\\u2066\\u2069\\u200f\\u2028",
    );
    expect(visible("C:\\报表\\闵行区 2023（运维）.xlsx")).toBe(
      "C:\\报表\\闵行区 2023（运维）.xlsx",
    );
  });

  it("terminalSafeJson keeps the parsed document and leaves no raw C1 or bidi control", () => {
    const value = { text: `a${ESC}b\u009bc\u202ed\u0085e 中文` };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(HOSTILE);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("hostile text in workbooks and file names", () => {
  let dir: string;
  let hostileName: string;
  let badName: string;
  let executedCell: string;
  // The xlsx escape for ESC, as a workbook stores it; the reader turns it into the real ESC.
  const projectName = `_x001B_[2J_x001B_]0;伪造标题_x0007_项目\n    错误  伪造的一行\u202e`;

  beforeAll(async () => {
    dir = tempDir();
    hostileName = path.join(dir, `报表${ESC}[2J${ESC}]0;标题${BEL}.xlsx`);
    await writeWorkbook(hostileName, [
      {
        name: "自评",
        forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }],
        edit: (ws, [placed]) => {
          ws.getCell(placed.cells.projectName).value = projectName;
          executedCell = placed.cells["funds.total.executed"];
          ws.getCell(executedCell).value = "_x001B_[31m49.52";
        },
      },
    ]);
    badName = path.join(dir, `坏${ESC}[2J.xlsx`);
    fs.writeFileSync(badName, "不是工作簿");
  });

  it("the reader really returns ESC from _x001B_ (the case to defend against)", async () => {
    const run = await runCli(["check", "--json", hostileName]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files[0].forms[0].projectName).toContain(`${ESC}[2J`);
    expect(report.files[0].file).toBe(hostileName);
  });

  it("text report: no control character reaches the terminal, the escapes are shown", async () => {
    for (const colour of [false, true]) {
      const run = await runCli(["check", dir], colour);
      expect(run.code).toBe(2);
      const text = run.stdout.replace(OUR_COLOURS, "");
      expect(text).not.toMatch(HOSTILE);
      expect(text).toContain("\\x1b[2J\\x1b]0;伪造标题\\x07项目\\n    错误  伪造的一行\\u202e");
      expect(text).toContain(visible(path.basename(hostileName)));
      // The invalid-number finding quotes the cell: shown escaped too.
      expect(text).toContain("\\x1b[31m49.52");
      // No line was forged by the line break in the cell.
      expect(text.split("\n").filter((line) => line.includes("伪造的一行"))).toHaveLength(1);
    }
  });

  it("--json: the same text, escaped by JSON, parsed back unchanged", async () => {
    const run = await runCli(["check", "--json", dir]);
    expect(run.stdout).not.toMatch(HOSTILE);
    expect(run.stdout).toContain("\\u001b[2J");
    expect(run.stdout).toContain("\\u202e");
    const report = JSON.parse(run.stdout) as JsonReport;
    const form = report.files.find((f) => f.file === hostileName)!.forms[0];
    expect(form.projectName).toBe(projectName.replace(/_x001B_/g, ESC).replace("_x0007_", BEL));
    const quoted = allFindings(report.files.find((f) => f.file === hostileName)!).find(
      (f) => f.cell === executedCell && f.rule === "invalid-number",
    );
    expect(quoted?.message).toContain(`${ESC}[31m49.52`);
  });

  it("stderr: file names in refusals and usage errors are shown escaped", async () => {
    const runs = [
      await runCli(["annotate", badName, path.join(dir, "out.xlsx")]),
      await runCli(["annotate", hostileName, path.join(dir, "无此目录", `${ESC}[2J.xlsx`)]),
      await runCli(["annotate", hostileName, path.join(dir, `${ESC}[2J.txt`)]),
      await runCli(["check", `--${ESC}[2J`]),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(HAN);
      expect(run.stderr).not.toMatch(HOSTILE);
      expect(run.stderr).toContain("\\x1b[2J");
    }
  });
});
