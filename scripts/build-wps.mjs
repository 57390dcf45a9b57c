// `npm run build` step after webpack: the WPS 表格 add-in (a wpsjs-style JS 加载项 of type "et") in
// dist/wps/, made from the web build (dist/web) without the wpsjs tool, so it runs from npm alone:
//
//   dist/wps/                      online folder: serve it at <PUBLIC_URL>/wps/
//     ribbon.xml index.html main.js taskpane.html taskpane.js assets/
//     jsplugins.xml                for oem.ini's [Server] JSPluginsServer (a whole office)
//     publish.html                 asks the visitor's own WPS (127.0.0.1:58890) to register the add-in
//   dist/wps/offline/              for machines with no server
//     perf-eval_<version>/         the add-in folder, copied into jsaddons/
//     publish.xml                  the entry the install scripts write into jsaddons/publish.xml
//     install-wps-addon.sh / .ps1 / .bat, 安装说明.txt
//     perf-eval-wps-<version>.zip  all of the above in one file
//
// Arguments are webpack's (`--env PUBLIC_URL=…`, `--output-path <dir>`): the add-in is built for the
// same address as the Excel manifest, next to the web build it was made from.
import { createRequire } from "node:module";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

const require = createRequire(import.meta.url);
const { publicUrl } = require("./public-url.cjs");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = join(ROOT, "src/wps");
/** The add-in's name in WPS (publish.xml, folder names): ASCII, as wpsjs requires. */
export const ADDIN_NAME = "perf-eval";
export const ADDIN_TYPE = "et";
const PANE_TITLE = "绩效自评助手";
const ICONS = ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"];

/** `--env PUBLIC_URL=x` / `--env=PUBLIC_URL=x` and `--output-path x` / `--output-path=x`. */
export function parseArgs(argv) {
  const env = {};
  let outputPath;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") && arg.startsWith("--") ? splitOnce(arg) : [arg];
    const value = inline ?? argv[i + 1];
    if (flag === "--env") {
      if (inline === undefined) i++;
      const [key, v] = splitOnce(value ?? "");
      if (key) env[key] = v ?? true;
    } else if (flag === "--output-path" || flag === "-o") {
      if (inline === undefined) i++;
      outputPath = value;
    }
  }
  return { env, outputPath };
}

function splitOnce(text) {
  const at = text.indexOf("=");
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

const escapeXml = (text) =>
  String(text).replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c],
  );

/** The offline entry of jsaddons/publish.xml, in the form wpsjs's offline build writes. */
export function offlineEntry(version) {
  return (
    `<jsplugin name="${ADDIN_NAME}" type="${ADDIN_TYPE}" url="${ADDIN_NAME}_${escapeXml(version)}" ` +
    `version="${escapeXml(version)}" enable="enable_dev" install="null" customDomain=""/>`
  );
}

function mainPage() {
  // WPS opens index.html hidden when it starts; main.js defines the ribbon's callbacks.
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>${PANE_TITLE}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <script src="main.js"></script>
  </head>
  <body></body>
</html>
`;
}

function panePage() {
  // The Excel pane's bundle without office.js: WPS has no Office host, and the pane finds WPS by
  // its wps/Application globals. Only this page's own files are loaded.
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${PANE_TITLE}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <script defer src="taskpane.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

function jspluginsXml(addinUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- ${PANE_TITLE} ${escapeXml(version)}: WPS reads this list at start when oem.ini names it:
     [Server] JSPluginsServer=${escapeXml(addinUrl)}jsplugins.xml -->
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="${ADDIN_TYPE}" url="${escapeXml(addinUrl)}"/>
</jsplugins>
`;
}

function publishPage(addinUrl, version) {
  const addon = { name: ADDIN_NAME, addonType: ADDIN_TYPE, url: addinUrl, version };
  const page = readFileSync(join(SOURCE, "publish.html"), "utf8").replace(
    "__ADDON_JSON__",
    JSON.stringify(addon).replace(/</g, "\\u003c"),
  );
  // Scripts: only the page's own inline script (by hash); connections: only the local WPS.
  const script = /<script>([\s\S]*?)<\/script>/.exec(page)[1];
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    "connect-src http://127.0.0.1:58890",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return page.replace(
    "<!-- __CSP__ -->",
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
}

/** A text file for Windows: CRLF, and a BOM for PowerShell 5 to read UTF-8 (not the ANSI page). */
function windowsText(text, bom) {
  return (bom ? "\ufeff" : "") + text.replace(/\r?\n/g, "\r\n");
}

function fill(template, version) {
  return template.replaceAll("__NAME__", ADDIN_NAME).replaceAll("__VERSION__", version);
}

function readme(version) {
  const folder = `${ADDIN_NAME}_${version}`;
  return `绩效自评助手 ${version} · WPS 表格加载项（离线安装包）

需要 WPS Office（Windows 或 Linux）。PERF 自定义函数需要 WPS 12.1.0.20540 或更高版本；更早的版本
仍可使用校验、标记和插入模板。安装、卸载都只影响当前用户，不需要管理员权限，不联网。
安装或卸载前请先关闭 WPS。

Windows
  安装：双击 install-wps-addon.bat
  卸载：在本文件夹打开命令提示符，运行 install-wps-addon.bat -Uninstall
  （装到 %APPDATA%\\kingsoft\\wps\\jsaddons\\${folder}，并登记在同一目录的 publish.xml）

Linux（统信 UOS、麒麟等）
  安装：在本文件夹打开终端，运行 sh install-wps-addon.sh
  卸载：sh install-wps-addon.sh --uninstall
  （装到 ~/.local/share/Kingsoft/wps/jsaddons/${folder}，并登记在同一目录的 publish.xml）

装好后重新打开 WPS 表格，功能区出现“绩效自评”选项卡：打开助手、校验、清除标记、插入模板。
手工安装：把 ${folder} 文件夹复制到上面的 jsaddons 目录，再把 publish.xml 中的那一行
加到 jsaddons 目录里 publish.xml 的 <jsplugins> 与 </jsplugins> 之间。
`;
}

/** Every file under dir, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

function writeAddinFolder(dir, webDir) {
  mkdirSync(join(dir, "assets"), { recursive: true });
  cpSync(join(SOURCE, "ribbon.xml"), join(dir, "ribbon.xml"));
  writeFileSync(join(dir, "index.html"), mainPage());
  cpSync(join(webDir, "wps-main.js"), join(dir, "main.js"));
  writeFileSync(join(dir, "taskpane.html"), panePage());
  cpSync(join(webDir, "taskpane.js"), join(dir, "taskpane.js"));
  const license = join(webDir, "taskpane.js.LICENSE.txt");
  if (existsSync(license)) cpSync(license, join(dir, "taskpane.js.LICENSE.txt"));
  for (const icon of ICONS) cpSync(join(ROOT, "assets", icon), join(dir, "assets", icon));
}

export function buildWps({ webDir, outDir, siteUrl, version }) {
  for (const needed of ["wps-main.js", "taskpane.js"]) {
    if (!existsSync(join(webDir, needed))) {
      throw new Error(`${join(webDir, needed)} 不存在：请先运行 webpack（npm run build）`);
    }
  }
  const addinUrl = `${siteUrl}/wps/`;
  rmSync(outDir, { recursive: true, force: true });

  writeAddinFolder(outDir, webDir);
  writeFileSync(join(outDir, "jsplugins.xml"), jspluginsXml(addinUrl, version));
  writeFileSync(join(outDir, "publish.html"), publishPage(addinUrl, version));

  const offline = join(outDir, "offline");
  const folder = `${ADDIN_NAME}_${version}`;
  writeAddinFolder(join(offline, folder), webDir);
  writeFileSync(
    join(offline, "publish.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${offlineEntry(version)}\n</jsplugins>\n`,
  );
  const sh = join(offline, "install-wps-addon.sh");
  writeFileSync(sh, fill(readFileSync(join(SOURCE, "install-wps-addon.sh"), "utf8"), version));
  chmodSync(sh, 0o755);
  writeFileSync(
    join(offline, "install-wps-addon.ps1"),
    windowsText(fill(readFileSync(join(SOURCE, "install-wps-addon.ps1"), "utf8"), version), true),
  );
  writeFileSync(
    join(offline, "install-wps-addon.bat"),
    windowsText(readFileSync(join(SOURCE, "install-wps-addon.bat"), "utf8"), false),
  );
  writeFileSync(join(offline, "安装说明.txt"), windowsText(readme(version), true));

  // The zip holds the offline folder's files as they are; the shell script keeps its x bit.
  const entries = {};
  for (const file of listFiles(offline)) {
    const data = readFileSync(join(offline, file));
    entries[file] = file.endsWith(".sh") ? [data, { os: 3, attrs: (0o100755 << 16) >>> 0 }] : data;
  }
  const zipName = `${ADDIN_NAME}-wps-${version}.zip`;
  writeFileSync(join(offline, zipName), zipSync(entries, { level: 9 }));
  return { addinUrl, zip: join(offline, zipName) };
}

function main() {
  const { env, outputPath } = parseArgs(process.argv.slice(2));
  const webDir = resolve(ROOT, outputPath ?? "dist/web");
  const outDir = join(dirname(webDir), "wps");
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const { addinUrl, zip } = buildWps({ webDir, outDir, siteUrl: publicUrl(env), version });
  console.log(
    `WPS 加载项：${relative(ROOT, outDir)}/（发布地址 ${addinUrl}），离线包 ${relative(ROOT, zip)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`WPS 加载项打包失败：${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
