import { describe, expect, it } from "vitest";
import { chineseNameQuestions } from "../../src/companion/chinese-names.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) =>
  chineseNameQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.kind, c.holds]);

describe("what or who a Latin-letter name is, in Chinese", () => {
  it("asks what an organisation is and who a person is when its kind or role comes right before it", () => {
    expect(ask("谷歌在2014年收购的人工智能公司DeepMind开发出一款计算机。DeepMind表示，这很重要。")).toEqual([
      ["DeepMind是什么？", "what-is", "公司DeepMind"],
    ]);
    expect(ask("特斯拉首席执行官Elon Musk周二表示，公司将扩产。")).toEqual([
      ["Elon Musk是谁？", "who", "首席执行官Elon Musk"],
    ]);
  });

  it("asks nothing of a name with no kind or role before it", () => {
    expect(ask("DeepMind表示，这款名为DNC的AI模型可以接受信息。AlphaGo打败了冠军。")).toEqual([]);
  });
});
