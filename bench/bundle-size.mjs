// What a page makes the user download before it can work (issue 7 and 10 budgets: ≤ 300 KB
// gzipped for the task pane with the engine in it, and for the web checker's first load), read
// from the production build in dist/web. Printed, never judged. The source maps say which
// packages are inside each script, so "exceljs is not in the pane" is checked by module, not by
// guessing from minified text.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./lib.mjs";

export const title = "页面脚本大小（dist/web 生产构建，gzip 后）";

const WEB = join(ROOT, "dist", "web");
const PAGES = ["taskpane.html", "checker.html", "excel-sim.html", "wps-sim.html"];
const BUDGET_KB = 300;

/** The scripts a page loads itself (office.js, served beside the add-in, is listed apart). */
function pageScripts(page) {
  const html = readFileSync(join(WEB, page), "utf8");
  // The production HTML is minified: src may be quoted or not.
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

/** Packages bundled into a script, from its source map (node_modules/<name>/…). */
function packagesIn(script) {
  const map = join(WEB, `${script}.map`);
  if (!existsSync(map)) return undefined;
  const { sources = [] } = JSON.parse(readFileSync(map, "utf8"));
  const names = new Set();
  for (const source of sources) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (match) names.add(match[1]);
  }
  return names;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run() {
  if (!existsSync(join(WEB, "taskpane.html"))) {
    console.log("  dist/web 还没有构建：先运行 npm run build，再运行 npm run bench");
    return;
  }
  for (const page of PAGES) {
    if (!existsSync(join(WEB, page))) continue;
    let raw = 0;
    let gzipped = 0;
    const own = [];
    const packages = new Set();
    for (const src of pageScripts(page)) {
      if (src.startsWith("office-js/")) continue; // Office's own runtime, not our bundle
      const bytes = readFileSync(join(WEB, src));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
      own.push(src);
      for (const name of packagesIn(src) ?? []) packages.add(name);
    }
    const budget =
      page === "taskpane.html" || page === "checker.html" ? `（预算 ${BUDGET_KB} KB）` : "";
    console.log(`  ${page}：${own.join(" + ")}，${kb(raw)}，gzip ${kb(gzipped)}${budget}`);
    const heavy = ["exceljs", "@e965/xlsx", "jszip"].filter((name) => packages.has(name));
    console.log(
      `    其中的大依赖：${heavy.length > 0 ? heavy.join("、") : "无（不含 exceljs、SheetJS、jszip）"}`,
    );
  }
}
