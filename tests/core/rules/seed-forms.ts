import type { Finding } from "../../../src/core/findings";
import type { Form } from "../../../src/core/forms/model";
import { national } from "../../../src/core/profiles";
import type { Profile } from "../../../src/core/profiles/schema";
import { runRules, type Rule } from "../../../src/core/rules";
import { specOfFixture, type FormSpec, type IndicatorSpec } from "../../support/form-builder";
import { seedForm } from "../../support/seed-fixtures";

/**
 * Seed forms and indicator rows for the rules' tests, taken from the transcriptions in
 * tests/fixtures/forms (text as printed), so each seed figure is written down once. Laid out by
 * `buildForm`: funds total on row 6, breakdown rows 7–9, indicators from row 13.
 */

/** Runs one rule on a form. */
export function check(rule: Rule, form: Form, profile: Profile = national): Finding[] {
  return runRules(form, profile, [rule]);
}

/** A form transcribed in tests/fixtures/forms ("000-12" = seed000.json's form 12), as a spec. */
function seedSpec(id: string): Partial<FormSpec> {
  return specOfFixture(seedForm(id));
}

/** The indicator rows of a transcribed form. */
function seedIndicators(id: string): IndicatorSpec[] {
  return seedSpec(id).indicators ?? [];
}

/** One indicator row of a transcribed form, by its 三级指标 name. */
function seedIndicator(id: string, name: string): IndicatorSpec {
  const row = seedIndicators(id).find((indicator) => indicator.name === name);
  if (row === undefined) throw new Error(`no indicator ${name} in fixture form ${id}`);
  return row;
}

/** Seed 003 “公务员管理” (Shanghai): 187.40 / 115.43 → 61.59%, 6.16; total 96.16, 优. */
export const SEED_003_CIVIL_SERVICE = seedSpec("003-4");

/** Seed 000 “2023年干部教育培训经费”: the 满意度 row typed 100 / 100, so weights add to 190. */
export const SEED_000_CADRE_TRAINING = seedSpec("000-16");

/** Seed 000 “2023年第一书记专项工作经费”: 年初 2.73 cut to 0.045 during the year. */
export const SEED_000_FIRST_SECRETARY = seedSpec("000-7");

/** Seed 000 “2023年挂职干部工作经费”: 全年预算数 printed "12.142 988" (a stray space). */
export const SEED_000_SECONDED = seedSpec("000-12");

/** Seed 000 “2023年组织部日常工作经费”: no 得分 column in the funds block, no scores at all. */
export const SEED_000_DAILY = seedSpec("000-1");

/*
 * Seed 001's rows are written out here rather than taken from seed001.json: this extract prints one
 * cell per line, and these rows keep its in-cell line breaks ("12 月\n底", "≥1840\n\n米") so the
 * rules meet wrapped cells, where the fixture joins them ("12 月底"). Same figures, other reading.
 */

/** Seed 001 “2024 年社区工作者招录经费” (weights 5 + 20 + 15 + 10 + 10 + 20 + 10 = 90). */
export const SEED_001_RECRUITMENT: IndicatorSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "招聘岗位人数",
    target: "257",
    actual: "248",
    weight: "5",
    score: "4.8",
    explanation: "在政审、体检和资格联审等环节有人员未达到岗位要求或自行放弃。",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "招聘人数学历设置",
    target: "本科及\n以上",
    actual: "本科及\n以上",
    weight: "20",
    score: "20",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "完成招聘工作时限",
    target: "12 月\n底",
    actual: "12 月\n底",
    weight: "15",
    score: "15",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "用人单位社工年度流失率",
    target: "≤15%",
    actual: "≤15%",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "可持续影响指标",
    name: "优化丰台区社区工作者队伍力量配置。",
    target: "持续优\n化",
    actual: "持续优\n化",
    weight: "10",
    score: "10",
  },
  {
    level1: "成本指标",
    level2: "经济成本指标",
    name: "资金预算总数",
    target: "≤50\n万元",
    actual: "49.28\n万元",
    weight: "20",
    score: "20",
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度标",
    name: "用人单位满意度",
    target: "≥90%",
    actual: "100%",
    weight: "10",
    score: "10",
  },
];

/** Seed 001 “设备购置及改造经费” (all full marks, no explanations). */
export const SEED_001_EQUIPMENT: IndicatorSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "布线改造工程量",
    target: "≥1840\n\n米",
    actual: "2503\n米",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "办公设备采购数量",
    target: "12 项",
    actual: "21 项",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "办公设备验收合格率",
    target: "达到\n100%",
    actual: "100%",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "办公场所改造验收合格率",
    target: "达到\n100%",
    actual: "100%",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "筹备工作完成时间",
    target: "11 月\n底前",
    actual: "11 月\n底",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "设备利用率",
    target: "达到\n100%",
    actual: "100%",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "可持续影响指标",
    name: "部门组建筹备工作开展情况",
    target: "顺利推\n进",
    actual: "顺利推\n进",
    weight: "20",
    score: "20",
  },
  {
    level1: "成本指标",
    level2: "经济成本指标",
    name: "办公场所改造及设备购置总成本",
    target: "≤29.7\n万元",
    actual: "29.616\n9 万元",
    weight: "10",
    score: "10",
  },
];

/** Seed 000 “2022年度处级领导班子和领导干部考核经费”: 准确客观性 30 → 29 with a reason. */
export const SEED_000_CADRE_REVIEW = seedIndicators("000-10");

/** Seed 000 “丰台组工微信公众号运行维护项目”: targets that are not standards. */
export const SEED_000_WECHAT = seedIndicators("000-5");

/** Seed 000 “疫情防控” form: ≤30万元 budgeted, 4.952184 spent. */
export const SEED_000_EPIDEMIC_COST = seedIndicator("000-3", "经费控制");

/** Seed 000 “2023年组工业务综合应用平台服务经费” 满意度: 100% → 90%, 10 → 9 with a reason. */
export const SEED_000_PLATFORM_SATISFACTION = seedIndicator("000-14", "提高干部工作效率和质量");
