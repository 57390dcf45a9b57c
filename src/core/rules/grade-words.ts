import type { Grade } from "../scoring";
import { withoutSpaces } from "./fields";

/** The grades as printed, long forms included (both the project and the department tables). */
const GRADE_WORDS: Record<string, Grade> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  一般: "中",
  合格: "中",
  差: "差",
  较差: "差",
  不合格: "差",
};

/** The grade a printed 评分等级 names, spaces ignored; undefined for a word no rule knows. */
export function printedGrade(text: string): Grade | undefined {
  return GRADE_WORDS[withoutSpaces(text)];
}
