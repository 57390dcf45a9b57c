/**
 * The offline package's Linux installer (dist/wps/offline/install-wps-addon.sh, from `npm run
 * build`) run with HOME in a temporary folder: it copies the add-in into
 * ~/.local/share/Kingsoft/wps/jsaddons and keeps exactly one entry of ours in publish.xml, leaves
 * other add-ins' entries as they were, replaces older versions, and --uninstall takes it all back.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const OFFLINE = resolve(__dirname, "../../dist/wps/offline");
const SCRIPT = join(OFFLINE, "install-wps-addon.sh");
const { version: VERSION } = JSON.parse(
  readFileSync(resolve(__dirname, "../../package.json"), "utf8"),
) as { version: string };
const FOLDER = `perf-eval_${VERSION}`;

const OTHER_ONLINE =
  '<jspluginonline name="oa-helper" type="wps" url="http://oa.example.gov.cn/addin/" debug="" enable="enable_dev" install="null"/>';
const OTHER_OFFLINE =
  '<jsplugin name="perf-eval-extra" type="et" url="perf-eval-extra_2.0" version="2.0" enable="enable_dev" install="null"/>';

let home: string;
const jsaddons = () => join(home, ".local/share/Kingsoft/wps/jsaddons");
const publish = () => join(jsaddons(), "publish.xml");

beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run build\` first`);
});

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "perf-eval-wps-home-"));
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function run(args: string[] = [], script = SCRIPT) {
  const result = spawnSync("sh", [script, ...args], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LANG: "C.UTF-8" },
    encoding: "utf8",
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

interface Entry {
  tag: string;
  attrs: Record<string, string>;
}

function entries(): Entry[] {
  const text = readFileSync(publish(), "utf8");
  expect(XMLValidator.validate(text)).toBe(true);
  const root = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(text) as { jsplugins: Array<Record<string, Array<Record<string, string>>> | string> };
  const list = root.jsplugins[0];
  // An empty <jsplugins></jsplugins> parses as a string.
  if (typeof list !== "object") return [];
  return Object.entries(list).flatMap(([tag, items]) =>
    items.map((attrs) => ({ tag, attrs: typeof attrs === "object" ? attrs : {} })),
  );
}

const ours = () => entries().filter((e) => e.attrs.name === "perf-eval");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe("install-wps-addon.sh", () => {
  it("installs the add-in folder and one publish.xml entry for it", () => {
    const { status, out } = run();
    expect(status, out).toBe(0);
    expect(out).toContain("重启 WPS");
    expect(filesUnder(join(jsaddons(), FOLDER))).toEqual(filesUnder(join(OFFLINE, FOLDER)));
    expect(ours()).toEqual([
      {
        tag: "jsplugin",
        attrs: {
          name: "perf-eval",
          type: "et",
          url: FOLDER,
          version: VERSION,
          enable: "enable_dev",
          install: "null",
          customDomain: "",
        },
      },
    ]);
  });

  it("installing twice leaves one entry and one folder", () => {
    expect(run().status).toBe(0);
    expect(run().status).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(entries()).toHaveLength(1);
    expect(readdirSync(jsaddons()).filter((f) => f.startsWith("perf-eval_"))).toEqual([FOLDER]);
  });

  it("keeps other add-ins and replaces an older entry and folder of ours, even over lines", () => {
    mkdirSync(join(jsaddons(), "perf-eval_0.0.1"), { recursive: true });
    writeFileSync(join(jsaddons(), "perf-eval_0.0.1", "ribbon.xml"), "<customUI/>");
    const before = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<jsplugins>",
      `  ${OTHER_ONLINE}`,
      '  <jsplugin name="perf-eval" type="et" url="perf-eval_0.0.1"',
      '      version="0.0.1" enable="enable_dev" install="null"/>',
      '  <jspluginonline type="et" name="perf-eval" url="https://old.example.gov.cn/wps/"/>',
      `  ${OTHER_OFFLINE}`,
      "</jsplugins>",
      "",
    ].join("\n");
    writeFileSync(publish(), before);
    const { status, out } = run();
    expect(status, out).toBe(0);
    const after = readFileSync(publish(), "utf8");
    expect(after).toContain(OTHER_ONLINE);
    expect(after).toContain(OTHER_OFFLINE);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.attrs.version).toBe(VERSION);
    expect(entries().map((e) => e.attrs.name)).toEqual(
      expect.arrayContaining(["oa-helper", "perf-eval-extra", "perf-eval"]),
    );
    expect(existsSync(join(jsaddons(), "perf-eval_0.0.1"))).toBe(false);
    // The publish.xml found before the first install is kept once, for the administrator.
    expect(readFileSync(`${publish()}.before-perf-eval`, "utf8")).toBe(before);
  });

  it("fills an empty <jsplugins/> list", () => {
    mkdirSync(jsaddons(), { recursive: true });
    writeFileSync(publish(), '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins/>\n');
    expect(run().status).toBe(0);
    expect(ours()).toHaveLength(1);
  });

  it("--uninstall removes our entry and folder and nothing else", () => {
    mkdirSync(jsaddons(), { recursive: true });
    writeFileSync(publish(), `<jsplugins>\n  ${OTHER_ONLINE}\n  ${OTHER_OFFLINE}\n</jsplugins>\n`);
    mkdirSync(join(jsaddons(), "perf-eval-extra_2.0"));
    expect(run().status).toBe(0);
    const { status, out } = run(["--uninstall"]);
    expect(status, out).toBe(0);
    expect(out).toContain("已卸载");
    expect(ours()).toEqual([]);
    expect(
      entries()
        .map((e) => e.attrs.name)
        .sort(),
    ).toEqual(["oa-helper", "perf-eval-extra"]);
    expect(existsSync(join(jsaddons(), FOLDER))).toBe(false);
    expect(existsSync(join(jsaddons(), "perf-eval-extra_2.0"))).toBe(true);
    // Uninstalling again (nothing left to remove) is not an error.
    expect(run(["--uninstall"]).status).toBe(0);
  });

  it("runs from the extracted zip, and refuses an incomplete package with a Chinese line", () => {
    const unpacked = join(home, "下载", "安装包");
    const zip = unzipSync(readFileSync(join(OFFLINE, `perf-eval-wps-${VERSION}.zip`)));
    for (const [name, data] of Object.entries(zip)) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    const script = join(unpacked, "install-wps-addon.sh");
    const { status, out } = run([], script);
    expect(status, out).toBe(0);
    expect(ours()).toHaveLength(1);

    rmSync(join(unpacked, FOLDER, "ribbon.xml"));
    const broken = run([], script);
    expect(broken.status).not.toBe(0);
    expect(broken.out).toMatch(/失败：.*ribbon\.xml/);
  });
});
