/**
 * "DeepMind是什么？" from "人工智能公司DeepMind" ("the artificial-intelligence company DeepMind"): a
 * Chinese article names a company or a person written in Latin letters right after the word
 * that says what it is, as news writes a role before a name. The question is the fixed phrase
 * "X是什么？" ("what is X?") for a kind of organisation or thing, "X是谁？" for a role; the
 * answer must hold that word. Names in Chinese characters have no edge to find them by: none.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** Words of a kind of organisation or product, as the end of the phrase before the name. */
const ORGANISATION = "公司|集团|机构|组织|大学|网站|平台|银行|品牌|软件|应用|游戏|实验室|研究所|基金会|媒体";
/** Roles of a person. */
const ROLE =
  "创始人|首席执行官|执行长|总裁|主席|董事长|总经理|教授|研究员|分析师|发言人|工程师|记者|部长|总统|总理";
/** A name in Latin letters: "DeepMind", "Elon Musk", "Trend Micro". */
const LATIN_NAME = "\\p{Lu}[\\p{Script=Latin}\\d]*(?:[ .-]\\p{Lu}[\\p{Script=Latin}\\d]*){0,3}";

const NAMED = new RegExp(`(${ORGANISATION}|${ROLE})(${LATIN_NAME})(?![\\p{Script=Latin}\\d])`, "gu");

/** "X是什么？" or "X是谁？" for each Latin-letter name a sentence of `text` gives a kind or a role. */
export function chineseNameQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  const roles = new RegExp(`^(?:${ROLE})$`, "u");
  for (const span of sentences) {
    for (const m of text.slice(span.start, span.end).matchAll(NAMED)) {
      const [, kind, name] = m as unknown as [string, string, string];
      if (out.some((c) => c.question.startsWith(name))) continue;
      const question = roles.test(kind) ? `${name}是谁？` : `${name}是什么？`;
      out.push({
        question,
        kind: roles.test(kind) ? "who" : "what-is",
        at: span.start,
        holds: `${kind}${name}`,
      });
    }
  }
  return out;
}
