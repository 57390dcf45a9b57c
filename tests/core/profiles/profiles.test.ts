import { describe, expect, it } from "vitest";
import { PerfError } from "../../../src/core/errors";
import {
  capped,
  getProfile,
  national,
  ProfileSchema,
  profiles,
  shanghai,
  withOverrides,
} from "../../../src/core/profiles";

describe("built-in profiles", () => {
  it("national: 2 decimals half-up scores, rounded rate display, 10 / 100, no caps", () => {
    expect(national).toMatchObject({
      name: "national",
      scoreDecimals: 2,
      rateDisplay: "round",
      rateDecimals: 2,
      fundsWeight: 10,
      totalWeight: 100,
      lowExecutionThreshold: 0.9,
      overachievementMargin: 0.3,
      budgetAdjustmentMargin: 0.1,
      totalCaps: [],
      level1Weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
      qualitativeBands: { met: 0.8, partial: 0.6 },
    });
  });

  it("shanghai differs from national only in the truncated rate display (and its name)", () => {
    const { name: _n1, label: _l1, rateDisplay, ...restShanghai } = shanghai;
    const { name: _n2, label: _l2, rateDisplay: nationalDisplay, ...restNational } = national;
    expect(rateDisplay).toBe("truncate");
    expect(nationalDisplay).toBe("round");
    expect(restShanghai).toEqual(restNational);
  });

  it("capped has whole-number scores and the four 一体化 caps", () => {
    expect(capped.scoreDecimals).toBe(0);
    expect(capped.totalCaps).toHaveLength(4);
  });

  it("every profile passes the schema, names are unique and have Chinese labels", () => {
    for (const profile of profiles) {
      expect(ProfileSchema.safeParse(profile).success).toBe(true);
      expect(profile.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(profiles.map((p) => p.name)).size).toBe(profiles.length);
    expect(profiles[0]).toBe(national);
  });

  it("profiles are frozen so one caller cannot change another's options", () => {
    expect(Object.isFrozen(national)).toBe(true);
    expect(Object.isFrozen(national.qualitativeBands)).toBe(true);
  });
});

describe("getProfile", () => {
  it("finds profiles by name, ignoring case and spaces", () => {
    expect(getProfile("shanghai")).toBe(shanghai);
    expect(getProfile(" National ")).toBe(national);
    expect(getProfile("capped")).toBe(capped);
  });

  it("throws a Chinese error listing the valid names for an unknown name", () => {
    let error: unknown;
    try {
      getProfile("hebei");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(PerfError);
    const message = (error as Error).message;
    expect(message).toContain("hebei");
    expect(message).toContain("评分方案");
    for (const name of ["national", "shanghai", "capped"]) expect(message).toContain(name);
  });
});

describe("withOverrides", () => {
  it("changes the given fields and keeps the rest", () => {
    const sichuan = withOverrides(national, { lowExecutionThreshold: 0.9, scoreDecimals: 0 });
    expect(sichuan.scoreDecimals).toBe(0);
    expect(sichuan.rateDisplay).toBe("round");
    expect(national.scoreDecimals).toBe(2);
  });

  it("merges nested objects field by field", () => {
    const custom = withOverrides(national, { level1Weights: { 满意度指标: 30 } });
    expect(custom.level1Weights).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 30 });
  });

  it("rejects invalid values with a Chinese message naming the field", () => {
    expect(() => withOverrides(national, { scoreDecimals: -1 })).toThrow(/scoreDecimals/);
    expect(() => withOverrides(national, { lowExecutionThreshold: 1.5 })).toThrow(/无效/);
    expect(() => withOverrides(national, { rateDisplay: "ceil" as unknown as "round" })).toThrow(
      PerfError,
    );
    expect(() => withOverrides(national, { qualitativeBands: { partial: 0.9 } })).toThrow(
      /部分达成/,
    );
  });
});
