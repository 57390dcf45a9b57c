/**
 * Long finding messages are shortened in the list (展开 shows the rest): at a 320 px pane a
 * 200-character message would push every other finding out of sight.
 */

/** Messages up to this many characters are shown whole. */
export const SHORT_MESSAGE_LENGTH = 80;

export interface ShortText {
  text: string;
  /** True when `text` is a shortened form of the message. */
  shortened: boolean;
}

/**
 * The message cut after a clause (，；：。) close to `max` characters when there is one, else at
 * `max`, with "…" appended. Short messages come back whole.
 */
export function shortenMessage(message: string, max = SHORT_MESSAGE_LENGTH): ShortText {
  const chars = Array.from(message);
  if (chars.length <= max) return { text: message, shortened: false };
  const head = chars.slice(0, max).join("");
  const clause = Math.max(...["，", "；", "：", "。", "（"].map((mark) => head.lastIndexOf(mark)));
  // A clause break in the last third keeps whole words; earlier ones would cut too much.
  const cut = clause >= (head.length * 2) / 3 ? head.slice(0, clause) : head;
  return { text: `${cut}…`, shortened: true };
}
