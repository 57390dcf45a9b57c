#!/usr/bin/env node
// Regenerates the fixture workbooks and their goldens from tests/fixtures/forms/*.json:
//   node scripts/build-fixtures.mjs [--out <dir>]     (default: tests/fixtures)
// writes <dir>/{beijing,shanghai,offset}.xlsx and <dir>/golden/<name>.json.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./fixture-layouts.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir =
  outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "tests", "fixtures");

const built = buildAll(path.join(root, "tests", "fixtures", "forms"));
fs.mkdirSync(path.join(outDir, "golden"), { recursive: true });
for (const [name, { workbook, golden }] of Object.entries(built)) {
  if (workbook.worksheets.length === 0) {
    // No seed data for this layout yet (e.g. seed000/001.json not written): nothing to write.
    console.log(`${name}.xlsx: skipped, no forms`);
    continue;
  }
  await workbook.xlsx.writeFile(path.join(outDir, `${name}.xlsx`));
  fs.writeFileSync(
    path.join(outDir, "golden", `${name}.json`),
    JSON.stringify(golden, null, 2) + "\n",
  );
  const sheets = workbook.worksheets.length;
  console.log(`${name}.xlsx: ${sheets} sheet(s), ${golden.length} golden finding(s)`);
}
