import { describe, expect, it } from "vitest";
import { PerfError } from "../../../src/core/errors";
import { cappedData } from "../../../src/core/profiles/capped";
import { capped, getProfile, national, profiles, shanghai } from "../../../src/core/profiles";
import { nationalData } from "../../../src/core/profiles/national";
import { withOverrides } from "../../../src/core/profiles/overrides";
import { ProfileSchema } from "../../../src/core/profiles/schema";
import { shanghaiData } from "../../../src/core/profiles/shanghai";

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

  // Built-in profiles are not parsed with zod at load (the command line must start without it):
  // this is the check that replaces it, on the data modules as written.
  it("the built-in data satisfies ProfileSchema, which would change nothing in it", () => {
    const data = [nationalData, shanghaiData, cappedData];
    for (const [index, profile] of profiles.entries()) {
      const parsed = ProfileSchema.safeParse(data[index]);
      expect(parsed.success, profile.name).toBe(true);
      expect(parsed.data).toStrictEqual(data[index]);
      expect(profile).toStrictEqual(parsed.data);
      expect(Object.keys(profile)).toEqual(Object.keys(ProfileSchema.shape));
    }
  });

  it("freezing a built-in profile leaves its data module and the other profiles apart", () => {
    expect(Object.isFrozen(nationalData)).toBe(false);
    expect(Object.isFrozen(nationalData.level1Weights)).toBe(false);
    expect(capped.level1Weights).not.toBe(national.level1Weights);
    expect(Object.isFrozen(capped.totalCaps[0])).toBe(true);
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

  it("names the setting and every field the schema refuses, in one Chinese message", () => {
    const refusal = (overrides: Parameters<typeof withOverrides>[1]) => {
      try {
        withOverrides(national, overrides);
      } catch (error) {
        expect(error).toBeInstanceOf(PerfError);
        expect((error as PerfError).code).toBe("#VALUE!");
        return (error as Error).message;
      }
      throw new Error("not refused");
    };
    expect(refusal({ scoreDecimals: -1 })).toMatch(/^评分方案设置无效：scoreDecimals：\S/);
    expect(refusal({ name: "Bad Name" })).toMatch(/^评分方案设置无效：name：\S/);
    const caps = refusal({
      totalCaps: [{ rateBelow: 2 } as { rateBelow: number; maxTotal: number }],
    });
    expect(caps).toMatch(
      /^评分方案设置无效：totalCaps\.0\.rateBelow：.+；totalCaps\.0\.maxTotal：/,
    );
    expect(refusal({ qualitativeBands: { partial: 0.9 } })).toBe(
      "评分方案设置无效：qualitativeBands 应满足 0 ≤ 部分达成 < 达成 ≤ 1",
    );
    expect(refusal({ fundsWeight: 200 })).toBe(
      "评分方案设置无效：fundsWeight（预算执行率分值）不能大于 totalWeight（总分分值）",
    );
  });

  it("returns a frozen profile and leaves the one it started from alone", () => {
    const custom = withOverrides(capped, { totalCaps: [{ rateBelow: 0.5, maxTotal: 50 }] });
    expect(Object.isFrozen(custom)).toBe(true);
    expect(Object.isFrozen(custom.totalCaps[0])).toBe(true);
    expect(capped.totalCaps).toHaveLength(4);
  });
});
