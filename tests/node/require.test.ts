/**
 * The package as Node users get it: `require("perf-eval-addin")` resolves package.json "main"
 * (dist/node/node/index.js: tsc keeps src/ layout under dist/node; built by `npm run build`) — not the TypeScript sources.
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const requireFromRoot = createRequire(resolve(__dirname, "../../package.json"));

interface PackageMain {
  PERF: Record<string, (...args: unknown[]) => unknown>;
  PerfError: new (...args: never[]) => Error;
}

function loadPackage(): PackageMain {
  return requireFromRoot(resolve(__dirname, "../..")) as PackageMain;
}

describe("require of the built package main", () => {
  it("resolves to dist/node/node/index.js", () => {
    expect(requireFromRoot.resolve(resolve(__dirname, "../.."))).toBe(
      resolve(__dirname, "../../dist/node/node/index.js"),
    );
  });

  it("PERF.RATE(50, 49.52) is 0.9904 (seed 003)", () => {
    expect(loadPackage().PERF.RATE!(50, 49.52)).toBeCloseTo(0.9904, 12);
  });

  it("has every id of product.md §1", () => {
    expect(Object.keys(loadPackage().PERF).sort()).toEqual([
      "DEVIATION",
      "GRADE",
      "RATE",
      "RATESCORE",
      "SCORE",
      "TOTAL",
      "VALUE",
    ]);
  });

  it("throws an Error subclass with .code #DIV/0! for a zero budget", () => {
    const pkg = loadPackage();
    let caught: unknown;
    try {
      pkg.PERF.RATE!(0, 49.52);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(pkg.PerfError);
    expect((caught as { code: string }).code).toBe("#DIV/0!");
    expect((caught as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("re-exports the engine: value grammar, scoring and profiles", () => {
    const pkg = loadPackage() as unknown as Record<string, unknown>;
    for (const name of ["parseNumber", "parseValue", "executionScore", "grade", "getProfile"]) {
      expect(typeof pkg[name], name).toBe("function");
    }
  });
});
