import { describe, expect, it } from "vitest";
import { detectForms } from "../../../src/core/forms";
import { FormSchema } from "../../../src/core/forms/model-schema";
import { MemorySheet } from "../../../src/core/grid";
import { national } from "../../../src/core/profiles";
import { validateForm } from "../../../src/core/validate";
import { mergeAll, placeTsv } from "./sheet-helpers";

/**
 * Other provinces' layouts (domain.md §2): Sichuan's 预算执行情况 block, a funds block without 年初
 * and in 元, targets split over 指标性质 / 指标值 / 度量单位 with 分值 before them, two-row heads,
 * points in group names, numbered names, placeholder rows and 合计.
 */

const SICHUAN = `项目支出绩效自评表
（2023年度）
项目名称	乡村振兴人才培训
主管部门	四川省某某厅				实施单位	某某培训中心
预算执行情况(10分)		年初预算	调整后预算数	预算执行数	预算执行率	权重	得分	原因
	总额	100	120	108	90%	10	9	部分合同尾款未到支付期
	其中:财政资金	100	100	90	90%	/	/
	上年结余资金	0	10	10	100%	/	/
	财政专户管理资金	0	0	0		/	/
	单位资金	0	10	8	80%	/	/
年度总体目标	年初设定目标				年度总体目标完成情况综述
	完成培训500人次				完成培训520人次
绩效指标(90分)	一级指标	二级指标	三级指标	分值	年度指标值			全年实际值	得分	未完成原因分析
					指标性质	指标值	度量单位
	产出指标(50分)	数量指标	指标1:培训人次	20	≥	500	人次	520	20
		质量指标	指标2:考核合格率	20	>=	95	%	98	20
		时效指标	指标3:完成时间	10	定性	年底前完成		年底前完成	10
		……	/	/	/	/	/	/	/
	效益指标(30分)	社会效益指标	指标4:带动就业人数	30	﹦	100	人	100	30
		/	/	/	/	/	/	/	/
	满意度指标(10分)	服务对象满意度指标	指标5:投诉率	10	<=	5	%	3	10
合计				100					99
评分等级	优
评价结论	目标基本完成
项目负责人	张三			财务负责人	李四`;

const SICHUAN_MERGES = ["A5:A10", "A11:A12", "A13:A22", "F13:H13", "B13:B14", "C13:C14"];

function sichuanSheet(): MemorySheet {
  const sheet = new MemorySheet("四川");
  placeTsv(sheet, SICHUAN, { numbers: true });
  mergeAll(sheet, SICHUAN_MERGES);
  return sheet;
}

const weighted = (f: ReturnType<typeof detectForms>[number]) => f.indicators?.rows ?? [];

describe("Sichuan layout", () => {
  const [form] = detectForms(sichuanSheet());

  it("finds the form and reads 预算执行情况 with 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 原因", () => {
    expect(FormSchema.parse(form)).toBeTruthy();
    const funds = form.funds!;
    expect(funds.missingColumns ?? []).toEqual([]);
    expect(funds.total).toMatchObject({
      label: { address: "B6", text: "总额" },
      initial: { address: "C6", text: "100" },
      budget: { address: "D6", text: "120" },
      executed: { address: "E6", text: "108" },
      rate: { address: "F6", text: "90%" },
      weight: { address: "G6", text: "10" },
      score: { address: "H6", text: "9" },
      reason: { address: "I6", text: "部分合同尾款未到支付期" },
    });
    expect(funds.appropriation?.label.text).toBe("其中:财政资金");
    expect(funds.carryover?.label.text).toBe("上年结余资金");
    expect(funds.extra?.map((r) => r.label.text)).toEqual(["财政专户管理资金", "单位资金"]);
  });

  it("reads 年初设定目标 / 年度总体目标完成情况综述 as the goals", () => {
    expect(form.goals?.expected?.text).toBe("完成培训500人次");
    expect(form.goals?.actual?.text).toBe("完成培训520人次");
  });

  it("joins 指标性质 / 指标值 / 度量单位 into the target, 分值 before it, on a two-row head", () => {
    const rows = form.indicators!.rows;
    expect(rows.map((r) => r.target.text)).toEqual([
      "≥500人次",
      "≥95%",
      "年底前完成",
      "=100人",
      "≤5%",
    ]);
    expect(rows[0].target.address).toBe("G15");
    expect(rows.map((r) => r.actual.text)).toEqual(["520人次", "98%", "年底前完成", "100人", "3%"]);
    expect(rows.map((r) => r.weight.address)).toEqual(["E15", "E16", "E17", "E19", "E21"]);
    expect(rows.map((r) => r.score.address)).toEqual(["J15", "J16", "J17", "J19", "J21"]);
  });

  it("drops the points from group names, the numbering from names, and the / and …… rows", () => {
    const rows = form.indicators!.rows;
    expect(rows.map((r) => [r.level1, r.level2, r.name.text])).toEqual([
      ["产出指标", "数量指标", "培训人次"],
      ["产出指标", "质量指标", "考核合格率"],
      ["产出指标", "时效指标", "完成时间"],
      ["效益指标", "社会效益指标", "带动就业人数"],
      ["满意度指标", "服务对象满意度指标", "投诉率"],
    ]);
  });

  it("reads 合计 as 总分 and the grade; the 负责人 rows after it are not header values", () => {
    expect(form.total).toMatchObject({
      label: { text: "合计" },
      weight: { address: "E22", text: "100" },
      score: { address: "J22", text: "99" },
    });
    expect(form.grade?.value?.text).toBe("优");
    expect(form.leader).toBeUndefined();
  });

  it("gives no finding on the correct form (no / row asked for 分值 or 得分)", () => {
    const report = validateForm(form, national);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(weighted(form).length).toBe(5);
    expect(report.execution.rate).toBeCloseTo(0.9, 10);
    expect(report.total).toEqual({ printed: 99, computed: 99 });
  });

  it("counts 财政专户管理资金 / 单位资金 in 总额 (funds-sum-mismatch when they do not add up)", () => {
    const sheet = new MemorySheet("四川");
    placeTsv(sheet, SICHUAN.replace("单位资金\t0\t10\t8", "单位资金\t0\t20\t8"), { numbers: true });
    mergeAll(sheet, SICHUAN_MERGES);
    const findings = validateForm(detectForms(sheet)[0], national).findings;
    expect(findings.filter((f) => f.rule === "funds-sum-mismatch").map((f) => f.cell)).toEqual([
      "D6",
    ]);
  });

  it("still asks a / row that carries a weight for its score", () => {
    const sheet = new MemorySheet("四川");
    placeTsv(
      sheet,
      SICHUAN.replace(
        "\t\t/\t/\t/\t/\t/\t/\t/\t/\n\t满意度",
        "\t\t/\t/\t5\t/\t/\t/\t/\t\n\t满意度",
      ),
      { numbers: true },
    );
    mergeAll(sheet, SICHUAN_MERGES);
    const [weighted] = detectForms(sheet);
    expect(weighted.indicators!.rows.map((r) => r.row)).toContain(20);
    const findings = validateForm(weighted, national).findings;
    expect(findings.some((f) => f.rule === "required-field" && f.cell === "J20")).toBe(true);
  });
});

/** A national-template funds block in 元 with no 年初 column and 本年财政拨款 / 上年结余资金 rows. */
const YUAN = `项目支出绩效自评表
（2023年度）
项目名称	社区服务
主管部门	某区民政局			实施单位	某街道
项目资金(元)		全年预算数(A)	全年执行数(B)	分值	执行率(B/A)	得分
	年度资金总额	500000	476800	10	95.36%	9.54
	其中:本年财政拨款	400000	376800	—		—
	上年结余资金	100000	100000	—		—
	其他资金	0	0	—		—
年度总体目标	预期目标		实际完成情况
	服务社区居民		已完成
绩效指标	一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
	产出指标	数量指标	服务人次	≥1000人次	1200人次	50	50
	效益指标	社会效益指标	居民知晓率	≥80%	85%	30	30
	满意度指标	服务对象满意度指标	居民满意度	≥90%	95%	10	10
总分						100	99.54`;

describe("funds block in 元 without a 年初 column", () => {
  const sheet = new MemorySheet("元");
  placeTsv(sheet, YUAN, { numbers: true });
  mergeAll(sheet, ["A5:A9", "A10:A11", "A12:A15"]);
  const [form] = detectForms(sheet);

  it("says the block is in 元 and has no 年初 column, and does not read the label as 年初预算数", () => {
    expect(form.funds?.unit).toBe("元");
    expect(form.funds?.missingColumns).toEqual(["initial"]);
    expect(form.funds?.total?.initial?.text).toBe("");
    expect(form.funds?.total?.budget).toMatchObject({ address: "C6", text: "500000" });
    expect(form.funds?.appropriation?.label.text).toBe("其中:本年财政拨款");
    expect(form.funds?.carryover?.budget?.text).toBe("100000");
  });

  it("reports no invalid number nor any error", () => {
    const report = validateForm(form, national);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.findings.map((f) => f.rule)).not.toContain("invalid-number");
    expect(report.execution.rate).toBeCloseTo(0.9536, 10);
  });
});
