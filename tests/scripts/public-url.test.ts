/**
 * `npm run build -- --env PUBLIC_URL=…` (issue 7, deployment): every URL of the manifest moves to
 * the intranet site, the AppDomain to its origin, and an address Office would refuse is refused at
 * build time with a Chinese sentence.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL, manifestFor, publicUrl } = require("../../scripts/public-url.cjs") as {
  DEV_URL: string;
  manifestFor: (content: string, siteUrl: string) => string;
  publicUrl: (env: Record<string, unknown> | undefined) => string;
};

const manifest = readFileSync(resolve(__dirname, "../../manifest.xml"), "utf8");

describe("PUBLIC_URL", () => {
  it("defaults to the development server", () => {
    expect(publicUrl(undefined)).toBe(DEV_URL);
    expect(publicUrl({ WEBPACK_BUNDLE: true })).toBe(DEV_URL);
  });

  it("writes every manifest URL for the intranet site", () => {
    const site = publicUrl({ PUBLIC_URL: "https://intranet.example.gov.cn/perf/" });
    expect(site).toBe("https://intranet.example.gov.cn/perf");
    const written = manifestFor(manifest, site);
    expect(written).not.toContain("localhost");
    const urls = [...written.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(`${site}/`)).toBe(true);
    expect(written).toContain(`${site}/taskpane.html`);
    expect(written).toContain(`${site}/functions.json`);
    expect(written).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
  });

  it("refuses what Office would not load", () => {
    expect(() => publicUrl({ PUBLIC_URL: "http://intranet/perf" })).toThrow(/https/);
    expect(() => publicUrl({ PUBLIC_URL: "内网" })).toThrow(/不是有效的网址/);
    expect(() => publicUrl({ PUBLIC_URL: "https://a.gov.cn/perf?x=1" })).toThrow(/\?/);
  });
});
