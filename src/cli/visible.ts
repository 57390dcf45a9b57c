/**
 * Text that comes from a workbook (cell text, sheet names) or from a file name is printed on the
 * reviewer's terminal. A submitter controls that text: an ESC sequence in a cell (legal in xlsx as
 * `_x001B_`) could clear the screen, retitle the window or hide findings; a line break could forge a
 * report line; a bidi override could make "错误" read as something else. So every such character is
 * shown as a visible escape instead of being sent to the terminal:
 *
 * - `\n`, `\r`, `\t` for line feed, carriage return and tab;
 * - `\xHH` for every other C0 control (U+0000–U+001F, ESC is `\x1b`), DEL and the C1 controls
 *   (U+007F–U+009F; a terminal may read U+009B as CSI);
 * - `\uHHHH` for the invisible bidi and line-separator format characters (U+061C, U+200E, U+200F,
 *   U+2028, U+2029, U+202A–U+202E, U+2066–U+2069).
 *
 * A backslash is left as it is so Windows paths stay readable; the escapes are for a person reading
 * the report, not for a program (that is what `--json` is for).
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function visible(text: string): string {
  return text.replace(HIDDEN, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * JSON.stringify escapes C0 controls but leaves C1 controls and bidi overrides as they are; they
 * can only occur inside JSON strings, so writing them as \uHHHH keeps the document's meaning and
 * keeps them away from a terminal that `--json` output may be printed on.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafeJson(json: string): string {
  return json.replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
