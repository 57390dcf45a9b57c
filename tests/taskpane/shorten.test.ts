import { describe, expect, it } from "vitest";
import { SHORT_MESSAGE_LENGTH, shortenMessage } from "../../src/taskpane/shorten";

describe("shortenMessage", () => {
  it("keeps short messages whole", () => {
    const message = "总分应为 96.16（各项得分之和），表中为 96.61：请核对总分或各项得分";
    expect(shortenMessage(message)).toEqual({ text: message, shortened: false });
  });

  it("cuts a long message after a clause near the limit, with an ellipsis", () => {
    const head = "甲".repeat(SHORT_MESSAGE_LENGTH - 10);
    const message = `${head}，${"乙".repeat(100)}`;
    expect(shortenMessage(message)).toEqual({ text: `${head}…`, shortened: true });
  });

  it("cuts at the limit when no clause ends late enough", () => {
    const message = `短句，${"丙".repeat(200)}`;
    const short = shortenMessage(message);
    expect(short.shortened).toBe(true);
    expect(Array.from(short.text)).toHaveLength(SHORT_MESSAGE_LENGTH + 1);
    expect(message.startsWith(short.text.slice(0, -1))).toBe(true);
  });
});
