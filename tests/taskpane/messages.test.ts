import { describe, expect, it } from "vitest";
import { HostError } from "../../src/hosts/types";
import {
  UNDO_CLEARED_SENTENCE,
  clearNotice,
  errorText,
  markNotice,
  progressText,
} from "../../src/taskpane/messages";

describe("markNotice", () => {
  it("counts marked and restored cells and lists what was skipped", () => {
    const notice = markNotice({
      marked: 12,
      notesOmitted: true,
      undoCleared: false,
      skipped: [{ sheet: "甲", cell: "", reason: "工作表设有密码保护" }],
      cleared: { restored: 4, skipped: [{ sheet: "乙", cell: "D7", reason: "单元格已被删除" }] },
    });
    expect(notice.text).toBe(
      "已标记 12 个单元格；标记前先恢复了上次标记的 4 个单元格；当前版本不支持批注，只标记了填充颜色；2 处未标记，原因见下。",
    );
    expect(notice.details).toEqual(["工作表“甲”：工作表设有密码保护", "乙!D7：单元格已被删除"]);
    expect(notice.intent).toBe("warning");
  });

  it("is a plain success when everything was marked with notes", () => {
    const notice = markNotice({
      marked: 3,
      notesOmitted: false,
      undoCleared: false,
      skipped: [],
      cleared: { restored: 0, skipped: [] },
    });
    expect(notice).toEqual({ intent: "success", text: "已标记 3 个单元格。", details: [] });
  });

  it("warns, after the counts, that undo history is gone only when marking emptied it", () => {
    const summary = {
      marked: 3,
      notesOmitted: false,
      undoCleared: true,
      skipped: [],
      cleared: { restored: 0, skipped: [] },
    };
    const notice = markNotice(summary);
    expect(notice.intent).toBe("warning");
    expect(notice.text).toBe(`已标记 3 个单元格。${UNDO_CLEARED_SENTENCE}`);
    expect(UNDO_CLEARED_SENTENCE).toContain("不能再撤销");
    expect(UNDO_CLEARED_SENTENCE).toContain("清除标记");
    expect(notice.details).toEqual([]);

    const later = markNotice({ ...summary, undoCleared: false });
    expect(later.text).not.toContain("撤销");
    expect(later.intent).toBe("success");
    // With other warnings too, the sentence still comes once, at the end.
    const both = markNotice({ ...summary, notesOmitted: true });
    expect(both.text.endsWith(UNDO_CLEARED_SENTENCE)).toBe(true);
    expect(both.text.split(UNDO_CLEARED_SENTENCE)).toHaveLength(2);
  });
});

describe("clearNotice", () => {
  it("counts restored cells, or says there was nothing to clear", () => {
    expect(clearNotice({ restored: 5, skipped: [] }).text).toBe("已恢复 5 个单元格。");
    expect(clearNotice({ restored: 0, skipped: [] }).text).toBe("没有需要清除的标记。");
  });
});

describe("progressText and errorText", () => {
  it("says where validation is", () => {
    expect(progressText({ phase: "detect", done: 0, total: 3 })).toBe(
      "正在查找自评表：第 1 / 3 个工作表…",
    );
    expect(progressText({ phase: "validate", done: 40, total: 1000 })).toBe(
      "正在校验：40 / 1000 张表…",
    );
  });

  it("shows host errors as they are and wraps anything else in one Chinese line", () => {
    expect(errorText(new HostError("工作表受密码保护，无法标记。"))).toBe(
      "工作表受密码保护，无法标记。",
    );
    const wrapped = errorText(new Error("InvalidArgument\nat line 3"));
    expect(wrapped).toContain("操作未能完成（InvalidArgument）");
    expect(wrapped).not.toContain("line 3");
  });
});
