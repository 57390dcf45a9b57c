/**
 * The task pane renders server-side (no browser needed): outside Excel or WPS it says so and offers
 * no workbook buttons; with a host it shows the validation and template controls in Chinese.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";

describe("task pane", () => {
  it("says so when opened outside Excel or WPS, with the PERF function list", () => {
    const html = renderToString(<App host={undefined} />);
    expect(html).toContain("绩效自评助手");
    expect(html).toContain("未检测到 Excel 或 WPS");
    expect(html).not.toContain("校验整个工作簿");
    for (const id of ["RATE", "RATESCORE", "SCORE", "TOTAL", "GRADE", "DEVIATION", "VALUE"]) {
      expect(html).toContain(`PERF.${id}(`);
    }
  });

  it("shows the validation, marking and template controls inside a host", () => {
    const html = renderToString(<App host={new FakeHost([])} />);
    expect(html).not.toContain("未检测到 Excel");
    for (const label of [
      "校验当前工作表",
      "校验整个工作簿",
      "评分方案",
      "标记问题单元格",
      "清除标记",
      "导出校验结果",
      "自动重新校验",
      "插入模板",
    ]) {
      expect(html).toContain(label);
    }
    expect(html).toContain("全国通用");
    expect(html).toContain("在 Excel 中运行");
  });

  it("says why instead of a blank pane when the host could not be set up", () => {
    const html = renderToString(
      <App host={undefined} startupError="无法连接到 Excel，请重新打开绩效自评助手。" />,
    );
    expect(html).toContain("无法连接到 Excel");
    expect(html).not.toContain("未检测到 Excel 或 WPS");
  });
});
