/**
 * The shared findings list (web checker, task pane) rendered server-side: a long message is shown
 * shortened with a 展开全文 button instead of being laid out whole (issue 11); short ones as before.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/findings";
import { FindingsList } from "../../src/ui/FindingsList";
import { LongText } from "../../src/ui/LongText";

function finding(message: string, cell = "C7"): Finding {
  return { rule: "required-field", severity: "error", sheet: "表1", cell, message };
}

/** The text a reader sees: tags dropped, entities of the few characters React escapes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("FindingsList", () => {
  it("shows short messages whole, with severity, cell and rule", () => {
    const html = renderToString(<FindingsList findings={[finding("项目名称未填写：请填写")]} />);
    const text = visibleText(html);
    expect(text).toContain("错误");
    expect(text).toContain("表1!C7");
    expect(text).toContain("项目名称未填写：请填写");
    expect(text).toContain("required-field");
    expect(text).not.toContain("展开全文");
  });

  it("shows a 1.2-million-character message shortened, with a button for the whole", () => {
    const message = `第一段${"很长的说明".repeat(240_000)}`;
    const html = renderToString(
      <FindingsList findings={[finding(message), finding("短", "D8")]} />,
    );
    const text = visibleText(html);
    expect(text).toContain(`${message.slice(0, 200)}…（共 1,200,003 字）`);
    expect(text).toContain("展开全文");
    expect(html).toContain('aria-expanded="false"');
    // Only the shortened text is in the page, not the million characters.
    expect(html.length).toBeLessThan(20_000);
    expect(text).toContain("表1!D8");
  });

  it("takes the shortening length from shortenAt", () => {
    const text = visibleText(
      renderToString(<FindingsList findings={[finding("一二三四五六七八九十")]} shortenAt={4} />),
    );
    expect(text).toContain("一二三四…（共 10 字）");
    expect(text).not.toContain("五六七");
  });

  it("still says so when there is nothing to list", () => {
    expect(visibleText(renderToString(<FindingsList findings={[]} emptyText="没有问题" />))).toBe(
      "没有问题",
    );
  });
});

describe("LongText", () => {
  it("renders a short text as plain text, without a button", () => {
    expect(renderToString(<LongText text="公务员管理" />)).toBe("公务员管理");
  });

  it("escapes markup in the shortened part as in the whole", () => {
    const html = renderToString(<LongText text={`<script>x</script>${"字".repeat(300)}`} />);
    expect(html).not.toContain("<script>");
    expect(visibleText(html)).toContain("<script>x</script>");
  });
});
