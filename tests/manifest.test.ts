/**
 * Offline checks of manifest.xml against the build output (dist/web, from `npm run build`): what
 * Office would reject or fail on at sideload time, found without Office.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const WEB = resolve(ROOT, "dist/web");
const BASE = "https://localhost:3000/";
const xml = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");

/** Every element as [name, attributes, children] so the tests can search the whole tree. */
type Node = { name: string; attrs: Record<string, string>; children: Node[]; text: string };

function toNodes(items: unknown[]): Node[] {
  const nodes: Node[] = [];
  for (const item of items as Array<Record<string, unknown>>) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name === "?xml" || name === "#comment") continue;
    const attrs = (item[":@"] ?? {}) as Record<string, string>;
    const content = item[name] as unknown[];
    const text = content
      .filter((c) => typeof c === "object" && c !== null && "#text" in c)
      .map((c) => String((c as { "#text": unknown })["#text"]))
      .join("");
    nodes.push({ name, attrs, children: toNodes(content), text });
  }
  return nodes;
}

const tree = toNodes(
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    commentPropName: "#comment",
  }).parse(xml) as unknown[],
);

function all(nodes: Node[] = tree): Node[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

/** Elements by local name ("String" matches <bt:String>). */
function find(name: string, nodes: Node[] = tree): Node[] {
  return all(nodes).filter((n) => n.name.replace(/^.*:/, "") === name);
}

/** Resource ids defined under <Resources>, by kind. */
function definedIds(): Set<string> {
  const resources = find("Resources")[0];
  expect(resources, "<Resources> is missing").toBeDefined();
  return new Set(
    all(resources!.children)
      .map((n) => n.attrs.id)
      .filter((id) => id !== undefined),
  );
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("defines every resid it references", () => {
    const defined = definedIds();
    const referenced = all()
      .map((n) => n.attrs.resid)
      .filter((id): id is string => id !== undefined);
    expect(referenced.length).toBeGreaterThan(5);
    for (const id of referenced) expect(defined, `resid ${id}`).toContain(id);
  });

  it("has every URL served by the build (dist/web)", () => {
    const urls = new Set<string>();
    for (const node of all()) {
      for (const value of Object.values(node.attrs))
        if (value.startsWith("https://")) urls.add(value);
      if (node.text.startsWith("https://")) urls.add(node.text.trim());
    }
    expect(urls.size).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(BASE) || url === BASE.replace(/\/$/, ""), url).toBe(true);
      const path = url.slice(BASE.length);
      if (path === "") continue; // the AppDomain itself
      expect(existsSync(resolve(WEB, path)), `${url} → dist/web/${path}`).toBe(true);
    }
  });

  it("runs task pane, custom functions and commands in one shared runtime", () => {
    const runtimes = find("Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0]!;
    expect(runtime.attrs.lifetime).toBe("long");
    const shared = runtime.attrs.resid;
    const functions = find("ExtensionPoint").find(
      (n) => n.attrs["xsi:type"] === "CustomFunctions",
    )!;
    expect(find("Page", [functions])[0]?.children[0]?.attrs.resid).toBe(shared);
    const showTaskpane = find("Action").find((n) => n.attrs["xsi:type"] === "ShowTaskpane")!;
    expect(find("SourceLocation", [showTaskpane])[0]?.attrs.resid).toBe(shared);
    expect(find("FunctionFile")[0]?.attrs.resid).toBe(shared);
    expect(find("Set").some((s) => s.attrs.Name === "SharedRuntime")).toBe(true);
  });

  it("declares the PERF namespace and points at the built functions.json and functions.js", () => {
    const functions = find("ExtensionPoint").find(
      (n) => n.attrs["xsi:type"] === "CustomFunctions",
    )!;
    const namespaceId = find("Namespace", [functions])[0]?.attrs.resid;
    const strings = find("String").filter((s) => s.attrs.id === namespaceId);
    expect(strings[0]?.attrs.DefaultValue).toBe("PERF");
    const urlOf = (resid: string | undefined) =>
      find("Url").find((u) => u.attrs.id === resid)?.attrs.DefaultValue;
    const metadata = find("Metadata", [functions])[0]?.children[0]?.attrs.resid;
    const script = find("Script", [functions])[0]?.children[0]?.attrs.resid;
    expect(urlOf(metadata)).toBe(`${BASE}functions.json`);
    expect(urlOf(script)).toBe(`${BASE}functions.js`);
  });

  it("is Chinese by default: zh-CN locale and display name 绩效自评助手", () => {
    expect(find("DefaultLocale")[0]?.text).toBe("zh-CN");
    expect(find("DisplayName")[0]?.attrs.DefaultValue).toBe("绩效自评助手");
  });

  it("has icons of 16/32/64/80 pixels that are real PNGs of that size", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(resolve(WEB, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });

  it("pages load office.js from the add-in itself, never from a CDN", () => {
    for (const page of ["taskpane.html", "functions.html", "commands.html"]) {
      const html = readFileSync(resolve(WEB, page), "utf8");
      expect(html, page).toMatch(/src="?office-js\/office\.js/);
      expect(html, page).not.toMatch(/https?:\/\//);
    }
    expect(existsSync(resolve(WEB, "office-js/office.js"))).toBe(true);
    expect(existsSync(resolve(WEB, "office-js/zh-cn/office_strings.js"))).toBe(true);
    expect(existsSync(resolve(WEB, "office-js/excel-win32-16.01.js"))).toBe(true);
  });
});
