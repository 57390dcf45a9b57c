import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WORKBOOK_FILE_BYTES } from "../../src/hosts/xlsx/read";
import { checkJson, fixture, HAN, runCli, tempDir, type JsonReport } from "./helpers";

/**
 * Only regular files are read (product.md §3): a socket, a link loop or a file far too large gets
 * its one-line reason, the other files are still checked, and a folder with nothing to check is
 * exit 2. (FIFOs and /dev/zero, which would block or never end, run in a child process with a
 * guard in bin.test.ts.)
 */

let dir: string;
let server: net.Server;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = tempDir();
  fs.copyFileSync(fixture("shanghai.xlsx"), at("good.xlsx"));
  // A link to a workbook is followed: it is checked like the file itself.
  fs.symlinkSync(at("good.xlsx"), at("link-to-good.xlsx"));
  fs.symlinkSync(at("loop-b.xlsx"), at("loop-a.xlsx"));
  fs.symlinkSync(at("loop-a.xlsx"), at("loop-b.xlsx"));
  // Sparse: one byte over the limit in size, next to nothing on disk.
  const fd = fs.openSync(at("huge.xlsx"), "w");
  fs.ftruncateSync(fd, MAX_WORKBOOK_FILE_BYTES + 1);
  fs.closeSync(fd);
  server = net.createServer();
  await new Promise<void>((done) => server.listen(at("socket.xlsx"), done));
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const reasonFor = (report: JsonReport, name: string) => {
  const file = report.files.find((f) => path.basename(f.file) === name);
  expect(file, name).toBeDefined();
  expect(file!.forms).toEqual([]);
  expect(file!.findings).toHaveLength(1);
  const message = file!.findings[0].message;
  expect(message).toMatch(HAN);
  expect(message).not.toContain("\n");
  return message;
};

describe("special files in a scanned folder", () => {
  it("each gets its own reason; the workbooks (also through a link) are checked", async () => {
    const { run, report } = await checkJson([dir]);
    expect(run.code).toBe(2);
    expect(report.files.map((f) => path.basename(f.file))).toEqual([
      "good.xlsx",
      "huge.xlsx",
      "link-to-good.xlsx",
      "loop-a.xlsx",
      "loop-b.xlsx",
      "socket.xlsx",
    ]);
    for (const name of ["good.xlsx", "link-to-good.xlsx"]) {
      expect(report.files.find((f) => f.file === at(name))?.forms).toHaveLength(30);
    }
    expect(reasonFor(report, "socket.xlsx")).toMatch(/套接字.*不是普通文件/);
    expect(reasonFor(report, "loop-a.xlsx")).toContain("循环");
    expect(reasonFor(report, "loop-b.xlsx")).toContain("循环");
    expect(reasonFor(report, "huge.xlsx")).toMatch(/过大.*256 MB/);
  });

  it("named directly, they are refused the same way", async () => {
    for (const [name, reason] of [
      ["socket.xlsx", /套接字/],
      ["loop-a.xlsx", /循环/],
      ["huge.xlsx", /过大/],
    ] as const) {
      const { run, report } = await checkJson([at(name)]);
      expect(run.code, name).toBe(2);
      expect(reasonFor(report, name)).toMatch(reason);
      const annotated = await runCli(["annotate", at(name), at(`annotated-${name}`)]);
      expect(annotated.code, name).toBe(2);
      expect(annotated.stderr, name).toMatch(reason);
      expect(fs.existsSync(at(`annotated-${name}`))).toBe(false);
    }
  });
});

describe("a folder with nothing to check", () => {
  it("is exit 2 with one Chinese line naming the folder, text and --json", async () => {
    const root = tempDir();
    const empty = path.join(root, "空文件夹");
    fs.mkdirSync(empty);
    const noWorkbooks = path.join(root, "只有说明");
    fs.mkdirSync(path.join(noWorkbooks, "子目录"), { recursive: true });
    fs.writeFileSync(path.join(noWorkbooks, "说明.txt"), "说明");
    fs.writeFileSync(path.join(noWorkbooks, "~$锁文件.xlsx"), Buffer.alloc(165, 0x20));

    for (const folder of [empty, noWorkbooks]) {
      const text = await runCli(["check", folder]);
      expect(text.code).toBe(2);
      const lines = text.stdout.split("\n").filter((line) => line.includes(`“${folder}”`));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/没有可检查的 \.xlsx/);

      const { run, report } = await checkJson([folder]);
      expect(run.code).toBe(2);
      expect(report.files.map((f) => f.file)).toEqual([folder]);
      expect(reasonFor(report, path.basename(folder))).toContain(folder);
    }
  });

  it("beside a folder that has workbooks, the good results are still there", async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "a-empty"));
    fs.copyFileSync(fixture("shanghai.xlsx"), path.join(root, "b.xlsx"));
    // An empty subfolder is fine: only a named folder with nothing in it is suspicious.
    expect((await checkJson([root])).run.code).toBe(1);
    const { run, report } = await checkJson([path.join(root, "a-empty"), root]);
    expect(run.code).toBe(2);
    expect(report.files.map((f) => path.relative(root, f.file))).toEqual(["a-empty", "b.xlsx"]);
    expect(report.files[1].forms).toHaveLength(30);
  });
});
