#!/usr/bin/env node
// Renders the three blank templates to docs/template-<kind>.png for the README: the compiled
// command line writes each template, LibreOffice prints it to PDF (A4, as a user would print it),
// poppler turns the first page into a PNG.
//
// Needs: `npm run build:node` first, and soffice + pdftoppm (Debian: libreoffice-calc,
// fonts-noto-cjk, poppler-utils). Usage: node scripts/render-template-docs.mjs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "perf-eval.js");
const kinds = ["project", "project-2021", "department"];

if (!existsSync(join(root, "dist", "node", "cli", "main.js"))) {
  console.error("先运行 npm run build:node 编译命令行，再生成模板图片");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "perf-eval-docs-"));
try {
  const files = kinds.map((kind) => {
    const file = join(work, `template-${kind}.xlsx`);
    execFileSync(process.execPath, [cli, "template", file, "--kind", kind, "--year", "2025"], {
      stdio: "inherit",
    });
    return file;
  });
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  // Recalculate on load, so blank formulas print blank rather than a stale 0.
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
      "</oor:items>",
  );
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--calc",
      "--convert-to",
      "pdf:calc_pdf_Export",
      "--outdir",
      work,
      ...files,
    ],
    { stdio: "inherit", timeout: 240_000 },
  );
  mkdirSync(join(root, "docs"), { recursive: true });
  for (const kind of kinds) {
    const pdf = join(work, `template-${kind}.pdf`);
    const out = join(root, "docs", `template-${kind}`);
    // First page only, at a resolution that keeps the Chinese text legible on GitHub.
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, out], {
      stdio: "inherit",
    });
    console.log(`已生成 docs/template-${kind}.png`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
