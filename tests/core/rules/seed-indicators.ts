import type { Finding } from "../../../src/core/findings";
import type { Form } from "../../../src/core/forms/model";
import { national } from "../../../src/core/profiles";
import type { Profile } from "../../../src/core/profiles/schema";
import { runRules, type Rule } from "../../../src/core/rules";
import type { IndicatorSpec } from "../../support/form-builder";

/**
 * Indicator rows copied from the seeds (text as printed), for the indicator rules' tests.
 * Rows start at sheet row 13 in forms built by `buildForm` (H = 偏差原因分析及改进措施).
 */

/** Seed 001 “2024 年社区工作者公开招聘” (weights 5 + 20 + 15 + 10 + 10 + 20 + 10 = 90). */
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
export const SEED_000_CADRE_REVIEW: IndicatorSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "考核完成数",
    target: "完成全区处级干部考核",
    actual: "完成预期",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "考核方案科学性",
    target: "制定科学合理的考核方案",
    actual: "完成预期",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "考核材料完整性",
    target: "考核材料齐全完整",
    actual: "完成预期",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "按时完成",
    target: "本年度内",
    actual: "按时完成",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "成本指标",
    name: "成本控制",
    target: "预算内",
    actual: "预算内完成",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "不涉及",
    target: "",
    actual: "",
    weight: "",
    score: "",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "准确客观性",
    target: "合理分析，展现领导干部真实工作成果",
    actual: "完成预期",
    weight: "30",
    score: "29",
    explanation: "持续提高领导干部考核科学性针对性",
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "处级干部满意度",
    target: "100%",
    actual: "完成预期",
    weight: "10",
    score: "10",
  },
];

/** Seed 000 “丰台组工微信公众号运行维护项目”: targets that are not standards. */
export const SEED_000_WECHAT: IndicatorSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "图文推送量",
    target: "宣传工作需要",
    actual: "达到预期目标",
    weight: "30",
    score: "30",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "图文阅读量",
    target: "阅读数量",
    actual: "达到预期目标",
    weight: "15",
    score: "15",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "年底完成",
    target: "按时完成",
    actual: "已完成",
    weight: "10",
    score: "10",
  },
  {
    level1: "产出指标",
    level2: "成本指标",
    name: "预算额度内",
    target: "不超预算",
    actual: "预算内",
    weight: "5",
    score: "5",
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "不涉及",
    target: "",
    actual: "",
    weight: "",
    score: "",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "舆论引导",
    target: "营造良好的组工形象",
    actual: "完成预期",
    weight: "20",
    score: "20",
  },
  {
    level1: "效益指标",
    level2: "可持续影响指标",
    name: "影响力",
    target: "丰台组工影响力持续提升",
    actual: "完成预期",
    weight: "10",
    score: "10",
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "不涉及",
    target: "",
    actual: "",
    weight: "",
    score: "",
  },
];

/** Seed 000 “疫情防控” form: ≤30万元 budgeted, 4.952184 spent. */
export const SEED_000_EPIDEMIC_COST: IndicatorSpec = {
  level1: "产出指标",
  level2: "成本指标",
  name: "经费控制",
  target: "≤30万元",
  actual: "4.952184",
  weight: "20",
  score: "20",
};

/** Seed 000 “2023年组工业务综合应用平台服务经费” 满意度: 100% → 90%, 10 → 9 with a reason. */
export const SEED_000_PLATFORM_SATISFACTION: IndicatorSpec = {
  level1: "满意度指标",
  level2: "服务对象满意度",
  name: "提高干部工作效率和质量",
  target: "100%",
  actual: "90%",
  weight: "10",
  score: "9",
  explanation: "需进一步优化服务",
};

/** The findings one rule reports on a form. */
export function findingsOf(rule: Rule, form: Form, profile: Profile = national): Finding[] {
  return runRules(form, profile, [rule]);
}
