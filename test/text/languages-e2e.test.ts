/**
 * Through the product object: articles in Russian and Chinese are ingested into one library
 * with an English one, and questions in each language are answered with a quote from the
 * article in the question's language (the built-in defaults: no model).
 */
import { describe, expect, it } from "vitest";
import { testFootnote } from "../helpers/footnote.ts";

const RU = [
  "Президенты двух стран встретились в Минске в понедельник. Переговоры продолжались шесть часов.",
  "После встречи журналистам сообщили, что стороны подписали соглашение о поставках газа на десять лет.",
  "Следующий саммит пройдёт в Казани весной.",
].join("\n\n");

const ZH = [
  "每年秋天，数以百万计的候鸟从西伯利亚飞往中国南方过冬。",
  "科学家在鄱阳湖统计了超过六十万只白鹤和天鹅。",
  "当地政府为保护湿地投入了三亿元。",
].join("\n\n");

const EN = [
  "The harbour reopened on Monday after the winter storms.",
  "Repairs cost four million pounds, the mayor said, and took two years.",
].join("\n\n");

describe("questions in the article's own language", () => {
  it("answers Russian and Chinese questions with quotes from the Russian and Chinese articles", async () => {
    const { footnote } = await testFootnote();
    const lib = "polyglot";
    await footnote.ingest(lib, { kind: "text", text: RU, title: "Встреча в Минске" });
    await footnote.ingest(lib, { kind: "text", text: ZH, title: "候鸟迁徙" });
    await footnote.ingest(lib, { kind: "text", text: EN, title: "Harbour" });

    // Inflected: "продолжалась" for "продолжались", "президентов" for "Президенты".
    const ru = await footnote.ask(lib, "Сколько часов продолжалась встреча президентов?");
    expect(ru.abstained).toBe(false);
    expect(ru.citations[0]!.quote).toContain("шесть часов");

    const gas = await footnote.ask(lib, "На сколько лет подписали соглашение о поставках газа?");
    expect(gas.citations[0]!.quote).toContain("десять лет");

    const zh = await footnote.ask(lib, "科学家在鄱阳湖统计了多少只白鹤？");
    expect(zh.abstained).toBe(false);
    expect(zh.citations[0]!.quote).toContain("六十万只白鹤");

    const en = await footnote.ask(lib, "How much did the repairs cost?");
    expect(en.citations[0]!.quote).toContain("four million pounds");
    await footnote.close?.();
  });

  it("says it found nothing when no article in any language holds the answer", async () => {
    const { footnote } = await testFootnote();
    const lib = "polyglot";
    await footnote.ingest(lib, { kind: "text", text: RU, title: "Встреча в Минске" });
    await footnote.ingest(lib, { kind: "text", text: ZH, title: "候鸟迁徙" });
    const answer = await footnote.ask(lib, "火星上的火山有多高？");
    expect(answer.abstained).toBe(true);
    await footnote.close?.();
  });
});
