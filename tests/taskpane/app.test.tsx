/**
 * The task pane renders (server-side, no browser needed): Chinese title and text, the PERF function
 * list, and the not-yet-available validation button disabled.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";

describe("task pane", () => {
  it("renders the Chinese page with every PERF function", () => {
    const html = renderToString(<App hostName="Excel" />);
    expect(html).toContain("绩效自评助手");
    for (const id of ["RATE", "RATESCORE", "SCORE", "TOTAL", "GRADE", "DEVIATION", "VALUE"]) {
      expect(html).toContain(`PERF.${id}(`);
    }
    expect(html).toMatch(/<button[^>]*disabled[^>]*>[^<]*校验当前工作表/);
    expect(html).not.toContain("未检测到 Excel");
  });

  it("says so when opened outside Excel or WPS", () => {
    expect(renderToString(<App hostName={undefined} />)).toContain("未检测到 Excel 或 WPS");
  });
});
