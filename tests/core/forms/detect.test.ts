import { describe, expect, it } from "vitest";
import { detectForms } from "../../../src/core/forms";
import { FormSchema } from "../../../src/core/forms/model-schema";
import { MemorySheet } from "../../../src/core/grid";
import { mergeAll, placeTsv } from "./sheet-helpers";
import { SHANGHAI_FORM_1, SHANGHAI_FORM_2 } from "./shanghai-data";

/** Seed 001 form 1 (丰台区, 2024) in a Beijing layout: leading 绩效指标 column, merged groups. */
const BEIJING_FORM = `项目支出绩效自评表
（2024 年度）
项目名称		2023 年社会建设市级经费
主管部门		中共北京市丰台区委社会工作部			实施单位	中共北京市丰台区委社会工作部
项目负责人		李九龙			联系电话	83656051
项目资金⏎（万元）		年初预⏎算数	全年预⏎算数	全年⏎执行数	分值	执行率	得分
	年度资金总额	0	6	6	10	100%	10
	其中：当年财政⏎拨款	0	6	6	—		—
	上年结转⏎资金	0	0	0	—		—
	其他资金	0	0	0	—		—
年⏎度⏎总⏎体⏎目⏎标	预期目标				实际完成情况
	保持“丰台社会工作”微信公众号平稳运行，进一步依托“丰台社会工作”公众号传播丰台社会工作声音				截止 2024 年 12 月底，微信公众号全年累计发布信息 524 条
绩⏎效⏎指⏎标	一级指⏎标	二级指标	三级指标	年度⏎指标值	实际⏎完成值	分⏎值	得⏎分	偏差原因分⏎析及改进⏎措施
	产出指⏎标	数量指标	2024年全年公众号发布信息条数	≥500	524	20	20
		质量指标	已发布信息错字数量	≤5	0	20	20
		时效指标	完成全年信息发布任务时限	12 月底	12 月底	10	10
	效益指⏎标	社会效益⏎指标	人们对社会工作的关注度	得到提高	得到提高	20	20
	成本指⏎标	经济成本⏎指标	资金成本	≤6 万元	6 万元	20	20
总分						100	100`;

const BEIJING_MERGES = [
  "A1:I1",
  "A2:I2",
  "A3:B3",
  "C3:I3",
  "A4:B4",
  "C4:E4",
  "G4:I4",
  "A5:B5",
  "C5:E5",
  "G5:I5",
  "A6:A10",
  "A11:A12",
  "B11:E11",
  "F11:I11",
  "B12:E12",
  "F12:I12",
  "A13:A18",
  "B14:B16",
  "A19:F19",
];

function beijingSheet(): MemorySheet {
  const sheet = new MemorySheet("北京");
  placeTsv(sheet, BEIJING_FORM, { numbers: true });
  mergeAll(sheet, BEIJING_MERGES);
  return sheet;
}

describe("detectForms: Beijing layout with merges and a leading 绩效指标 column", () => {
  const [form] = detectForms(beijingSheet());

  it("finds one valid form with its range and year", () => {
    expect(FormSchema.parse(form)).toBeTruthy();
    expect(form.sheet).toBe("北京");
    expect(form.range).toBe("A1:I19");
    expect(form.title).toMatchObject({ address: "A1", text: "项目支出绩效自评表" });
    expect(form.year).toBe("2024");
  });

  it("reads the header values right of their (merged) labels", () => {
    expect(form.projectName).toEqual({ address: "C3", text: "2023 年社会建设市级经费" });
    expect(form.department).toEqual({ address: "C4", text: "中共北京市丰台区委社会工作部" });
    expect(form.implementer).toEqual({ address: "G4", text: "中共北京市丰台区委社会工作部" });
    expect(form.leader).toEqual({ address: "C5", text: "李九龙" });
    expect(form.phone).toMatchObject({ address: "G5", numeric: 83656051 });
  });

  it("reads the funds block by its head labels (with line breaks inside)", () => {
    const funds = form.funds!;
    expect(funds.headerRow).toBe(6);
    expect(funds.missingColumns ?? []).toEqual([]);
    expect(funds.total).toMatchObject({
      row: 7,
      label: { address: "B7", text: "年度资金总额" },
      initial: { address: "C7", text: "0", numeric: 0 },
      budget: { address: "D7", text: "6", numeric: 6 },
      executed: { address: "E7", text: "6", numeric: 6 },
      weight: { address: "F7", text: "10" },
      rate: { address: "G7", text: "100%", numeric: 1 },
      score: { address: "H7", text: "10" },
    });
    expect(funds.appropriation).toMatchObject({
      row: 8,
      budget: { address: "D8", text: "6" },
      weight: { address: "F8", text: "—" },
      rate: { address: "G8", text: "" },
    });
    expect(funds.carryover?.label.address).toBe("B9");
    expect(funds.other?.executed).toEqual({ address: "E10", text: "0", numeric: 0 });
  });

  it("reads the goals below their heads", () => {
    expect(form.goals?.expected?.address).toBe("B12");
    expect(form.goals?.expected?.text).toContain("丰台社会工作");
    expect(form.goals?.actual?.address).toBe("F12");
    expect(form.goals?.actual?.text).toContain("524 条");
  });

  it("reads indicators with 一级 carried down from merged group cells", () => {
    const indicators = form.indicators!;
    expect(indicators.headerRow).toBe(13);
    expect(indicators.header.address).toBe("B13");
    expect(indicators.rows.map((r) => [r.row, r.level1, r.level2])).toEqual([
      [14, "产出指标", "数量指标"],
      [15, "产出指标", "质量指标"],
      [16, "产出指标", "时效指标"],
      [17, "效益指标", "社会效益指标"],
      [18, "成本指标", "经济成本指标"],
    ]);
    expect(indicators.rows[0]).toMatchObject({
      name: { address: "D14", text: "2024年全年公众号发布信息条数" },
      target: { address: "E14", text: "≥500" },
      actual: { address: "F14", text: "524", numeric: 524 },
      weight: { address: "G14", text: "20" },
      score: { address: "H14", text: "20" },
      explanation: { address: "I14", text: "" },
    });
    expect(indicators.rows[4].target).toEqual({ address: "E18", text: "≤6 万元" });
  });

  it("reads 总分 under the indicator head's 分值 / 得分 and no 评分等级", () => {
    expect(form.total).toEqual({
      label: { address: "A19", text: "总分" },
      weight: { address: "G19", text: "100", numeric: 100 },
      score: { address: "H19", text: "100", numeric: 100 },
    });
    expect(form.grade).toBeUndefined();
  });
});

describe("detectForms: Shanghai stacked forms without merges", () => {
  const sheet = new MemorySheet("闵行");
  const end = placeTsv(sheet, SHANGHAI_FORM_1);
  placeTsv(sheet, SHANGHAI_FORM_2, { top: end + 2 });
  const forms = detectForms(sheet);

  it("finds both forms in order with their names and ranges", () => {
    expect(forms.map((f) => f.projectName?.text)).toEqual([
      "闵行区创新创业大赛专项经费",
      "党建引领基层治理培训经费",
    ]);
    expect(forms[0].range).toBe("A1:H18");
    expect(forms[1].range).toBe("A20:H41");
    expect(forms.map((f) => f.title.text)).toEqual([
      "财政项目支出绩效自评表",
      "财政项目支出绩效自评表",
    ]);
    expect(forms.map((f) => f.year)).toEqual(["2023", "2023"]);
  });

  it("reads text-stored numbers, the 分数 / 执行率(%) heads and 年度资金总额:", () => {
    const total = forms[0].funds!.total!;
    expect(total.label).toEqual({ address: "B6", text: "年度资金总额:" });
    expect(total.executed).toEqual({ address: "E6", text: "49.52" });
    expect(total.weight).toEqual({ address: "F6", text: "10.00" });
    expect(total.rate).toEqual({ address: "G6", text: "99.04" });
    expect(total.score).toEqual({ address: "H6", text: "9.90" });
    expect(forms[0].funds!.appropriation!.label.text).toBe("其中: 当年财政拨款");
    expect(forms[0].department).toEqual({ address: "C4", text: "中共上海闵行区组织部(汇总)" });
    expect(forms[0].implementer).toEqual({ address: "G4", text: "中共上海闵行区组织部" });
  });

  it("carries 一级 / 二级 down over blank cells and reads 总分 and 评分等级", () => {
    const second = forms[1];
    expect(second.indicators!.rows).toHaveLength(8);
    expect(second.indicators!.rows.map((r) => r.level2)).toEqual([
      "数量指标",
      "数量指标",
      "质量指标",
      "质量指标",
      "时效指标",
      "社会效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
    ]);
    expect(second.indicators!.rows[1]).toMatchObject({
      level1: "产出指标",
      name: { address: "C33", text: "基层治理培训报告" },
      target: { address: "D33", text: "=1(份)" },
    });
    expect(second.total).toMatchObject({
      label: { address: "A40" },
      weight: { address: "F40", text: "100.00" },
      score: { address: "G40", text: "99.99" },
    });
    expect(second.grade).toEqual({
      label: { address: "A41", text: "评分等级" },
      value: { address: "B41", text: "优" },
    });
    expect(forms[0].goals?.expected?.address).toBe("B11");
    expect(forms[0].goals?.actual?.address).toBe("E11");
  });
});

describe("detectForms: placement and variants", () => {
  it("finds a form at C4 with numbers stored as numbers and no 评分等级", () => {
    const sheet = new MemorySheet("偏移");
    const withoutGrade = SHANGHAI_FORM_1.split("\n").slice(0, -1).join("\n");
    placeTsv(sheet, withoutGrade, { top: 4, left: 3, numbers: true });
    const [form] = detectForms(sheet);
    expect(form.range).toBe("C4:J20");
    expect(form.title.address).toBe("C4");
    expect(form.projectName).toEqual({ address: "E6", text: "闵行区创新创业大赛专项经费" });
    expect(form.funds?.total?.budget).toEqual({ address: "F9", text: "50.00", numeric: 50 });
    expect(form.funds?.total?.score).toEqual({ address: "J9", text: "9.90", numeric: 9.9 });
    expect(form.indicators?.rows[3].weight).toEqual({ address: "H19", text: "30.00", numeric: 30 });
    expect(form.total?.score).toEqual({ address: "I20", text: "99.90", numeric: 99.9 });
    expect(form.grade).toBeUndefined();
  });

  it("normalises spaces, line breaks, full-width colons and brackets in labels", () => {
    const variant = SHANGHAI_FORM_1.replace("年初预算数", "年初 预算数")
      .replace("全年执行数", "全年⏎执行数")
      .replace("执行率(%)", "执行率（%）")
      .replace("年度资金总额:", "年度资金总额：")
      .replace("\t分值\t得分\t", "\t分 值\t得　分\t")
      .replace("一级指标", "一级 指标")
      .replace("项目名称", " 项目名称 ");
    const sheet = new MemorySheet("变体");
    placeTsv(sheet, variant);
    const [form] = detectForms(sheet);
    expect(form.projectName?.text).toBe("闵行区创新创业大赛专项经费");
    expect(form.funds?.total?.executed?.text).toBe("49.52");
    expect(form.funds?.total?.rate?.address).toBe("G6");
    expect(form.indicators?.rows).toHaveLength(4);
    expect(form.total?.score).toEqual({ address: "G17", text: "99.90" });
  });

  it("reads the national template's annotated heads (全年预算数（A）, 执行率（B/A）, 年度指标值（A）)", () => {
    const variant = SHANGHAI_FORM_1.replace("全年预算数", "全年预算数（A）")
      .replace("全年执行数", "全年执行数（B）")
      .replace("执行率(%)", "执行率（B/A）")
      .replace("年度指标值", "年度指标值（A）")
      .replace("实际完成值", "实际完成值（B）");
    const sheet = new MemorySheet("财预2020-10号");
    placeTsv(sheet, variant);
    const [form] = detectForms(sheet);
    expect(form.funds?.missingColumns).toBeUndefined();
    expect(form.funds?.total?.budget?.text).toBe("50.00");
    expect(form.funds?.total?.executed?.text).toBe("49.52");
    expect(form.funds?.total?.rate?.text).toBe("99.04");
    expect(form.indicators?.missingColumns).toBeUndefined();
    expect(form.indicators?.rows[3].target.text).toBe("=95(%)");
    expect(form.indicators?.rows[3].actual.text).toBe("95.00(%)");
  });

  it('reads seed 000\'s "全年执行" head for 全年执行数', () => {
    const variant = SHANGHAI_FORM_1.replace("全年执行数", "全年执行");
    const sheet = new MemorySheet("全年执行");
    placeTsv(sheet, variant);
    const [form] = detectForms(sheet);
    expect(form.funds?.missingColumns).toBeUndefined();
    expect(form.funds?.total?.executed?.text).toBe("49.52");
  });

  it("reads a 合计 row below the indicators as 总分, but not a 合计 in the funds block", () => {
    const variant = SHANGHAI_FORM_1.replace("总分\t", "合计\t").replace("\t其他资金", "\t合计");
    const sheet = new MemorySheet("合计");
    placeTsv(sheet, variant);
    const [form] = detectForms(sheet);
    expect(form.indicators?.rows).toHaveLength(4);
    expect(form.total?.score?.text).toBe("99.90");
    expect(form.grade?.value?.text).toBe("优");
  });

  it("skips a 小计 row inside the indicator table (its weight would count twice)", () => {
    const variant = SHANGHAI_FORM_1.replace(
      "效益指标\t可持续影响指标",
      "\t产出指标小计\t\t\t\t40.00\t40.00\n效益指标\t可持续影响指标",
    );
    const sheet = new MemorySheet("小计");
    placeTsv(sheet, variant);
    const [form] = detectForms(sheet);
    expect(form.indicators?.rows.map((r) => r.name.text)).toEqual([
      "媒体宣传新闻稿",
      "活动宣传培训",
      "创新创业大赛可持续发展",
      "参赛选手满意度",
    ]);
    expect(form.indicators?.rows[2].level1).toBe("效益指标");
    expect(form.total?.score?.text).toBe("99.90");
  });

  it("gives a missing 得分 column an empty Field where it would be, and says it is missing", () => {
    const noScore = SHANGHAI_FORM_1.replace("\t执行率(%)\t得分", "\t执行率(%)")
      .replace("\t99.04\t9.90", "\t99.04")
      .replace(/\t-\t(\d+\.\d+)\t-/g, "\t-\t$1");
    const sheet = new MemorySheet("无得分");
    placeTsv(sheet, noScore);
    const [form] = detectForms(sheet);
    expect(form.funds?.missingColumns).toEqual(["score"]);
    expect(form.funds?.total?.rate).toEqual({ address: "G6", text: "99.04" });
    expect(form.funds?.total?.score).toEqual({ address: "H6", text: "" });
    // The indicator table still has its 得分 column.
    expect(form.indicators?.missingColumns).toBeUndefined();
    expect(form.indicators?.rows[0].score).toEqual({ address: "G13", text: "20.00" });
  });

  it("gives empty required cells a Field at the address where the value belongs", () => {
    const blank = SHANGHAI_FORM_1.replace("闵行区创新创业大赛专项经费", "")
      .replace("中共上海闵行区组织部(汇总)", "")
      .replace("\t50.00\t50.00\t49.52\t10.00\t99.04\t9.90", "\t50.00\t\t\t10.00\t\t")
      .replace("\t100.00\t99.90", "\t100.00\t");
    const sheet = new MemorySheet("空值");
    placeTsv(sheet, blank);
    const [form] = detectForms(sheet);
    expect(form.projectName).toEqual({ address: "B3", text: "" });
    // Stops at the next label: 实施单位 is not the department.
    expect(form.department).toEqual({ address: "B4", text: "" });
    expect(form.implementer?.text).toBe("中共上海闵行区组织部");
    expect(form.funds?.total?.budget).toEqual({ address: "D6", text: "" });
    expect(form.funds?.total?.executed).toEqual({ address: "E6", text: "" });
    expect(form.total?.score).toEqual({ address: "G17", text: "" });
  });

  it("takes 成本指标 as a first-level group and keeps 不涉及 rows", () => {
    const tsv = `项目支出绩效自评表
（2024 年度）
项目名称	2024 年基层党组织党建活动经费
项目资金（万元）	年初预算数	全年预算数	全年执行数	分值	执行率	得分
年度资金总额	0	0.3735	0.3735	10	100%	10
一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
产出指标	数量指标	覆盖机关内部党员人数	≥28	36	15	15
	时效指标	不涉及
成本指标	经济成本指标	党建活动经费	≤4200元	3735元	15	15
满意度指标	服务对象满意度标	参训人员满意度	≥80%	100%	10	10
总分					100	100`;
    const sheet = new MemorySheet("成本");
    placeTsv(sheet, tsv);
    const [form] = detectForms(sheet);
    expect(form.indicators?.rows.map((r) => [r.level1, r.level2, r.name.text])).toEqual([
      ["产出指标", "数量指标", "覆盖机关内部党员人数"],
      ["产出指标", "时效指标", "不涉及"],
      ["成本指标", "经济成本指标", "党建活动经费"],
      ["满意度指标", "服务对象满意度标", "参训人员满意度"],
    ]);
    expect(form.indicators?.rows[1].weight).toEqual({ address: "F8", text: "" });
    expect(form.funds?.total?.budget?.text).toBe("0.3735");
    expect(form.department).toBeUndefined();
  });

  it("finds a form without a title from 项目名称 followed by the funds head", () => {
    const untitled = SHANGHAI_FORM_1.split("\n").slice(2).join("\n");
    const sheet = new MemorySheet("无标题");
    placeTsv(sheet, untitled, { top: 3 });
    const [form] = detectForms(sheet);
    expect(form.title).toEqual({ address: "A3", text: "" });
    expect(form.year).toBeUndefined();
    expect(form.range).toBe("A3:H18");
    expect(form.projectName?.text).toBe("闵行区创新创业大赛专项经费");
  });

  it("ignores a 项目名称 row that no form head follows, and sheets without forms", () => {
    const sheet = new MemorySheet("杂项");
    placeTsv(sheet, "项目名称\t某个清单\n序号\t金额\n1\t2\n");
    expect(detectForms(sheet)).toEqual([]);
    expect(detectForms(new MemorySheet("空"))).toEqual([]);
  });

  it("does not take a bare title (a caption or contents line) for a form", () => {
    const sheet = new MemorySheet("目录");
    placeTsv(sheet, "附件：项目支出绩效自评表\n序号\t项目\n1\t某项目\n");
    expect(detectForms(sheet)).toEqual([]);
    // A title followed by its 项目名称 is a form, even if every other section is missing.
    placeTsv(sheet, "项目支出绩效自评表\n项目名称\t某项目", { top: 10 });
    const forms = detectForms(sheet);
    expect(forms.map((f) => [f.title.address, f.projectName?.text, f.funds])).toEqual([
      ["A10", "某项目", undefined],
    ]);
  });
});

describe("detectForms: large sheets", () => {
  it("finds the forms at the end of a 100,000-row sheet", () => {
    const sheet = new MemorySheet("大表");
    for (let row = 1; row <= 100_000; row++) {
      sheet.setValue(row, 1, `明细${row}`);
      sheet.setValue(row, 2, row * 1.5);
      sheet.setValue(row, 3, row % 7 === 0 ? "分值" : "备注");
    }
    let top = 100_002;
    for (const tsv of [SHANGHAI_FORM_1, SHANGHAI_FORM_2, SHANGHAI_FORM_1]) {
      top = placeTsv(sheet, tsv, { top, numbers: true }) + 2;
    }
    const forms = detectForms(sheet);
    expect(forms.map((f) => f.projectName?.text)).toEqual([
      "闵行区创新创业大赛专项经费",
      "党建引领基层治理培训经费",
      "闵行区创新创业大赛专项经费",
    ]);
    expect(forms[0].title.address).toBe("A100002");
    expect(forms[2].indicators?.rows).toHaveLength(4);
  });

  it("finds 1,000 stacked forms", () => {
    const sheet = new MemorySheet("千表");
    let top = 1;
    for (let i = 0; i < 1000; i++) {
      const tsv = (i % 2 === 0 ? SHANGHAI_FORM_1 : SHANGHAI_FORM_2).replace(
        /(项目名称\t\t)[^\t\n]+/,
        `$1项目${i + 1}`,
      );
      top = placeTsv(sheet, tsv, { top, numbers: true }) + 1;
    }
    const forms = detectForms(sheet);
    expect(forms).toHaveLength(1000);
    expect(forms[999].projectName?.text).toBe("项目1000");
    expect(forms.every((f) => f.total?.score !== undefined && f.grade?.value?.text === "优")).toBe(
      true,
    );
  });
});
