/**
 * Greetings and "what can you do?" get a short introduction in the user's language, not
 * "I found nothing about that"; questions, even ones that start with a greeting, are still asked.
 */
import { describe, expect, it } from "vitest";
import { smallTalk, smallTalkLocale } from "../../src/conversation/small-talk.ts";
import { LOCALES, translator } from "../../src/telegram/i18n.ts";
import { botInfo, makeTestBot, OWNER } from "./harness.ts";

const GROUP = -1001;

/** A greeting and a question about the bot, as people write them, in each language the bot speaks. */
const SAID: Record<string, [string, string, string]> = {
  en: ["Hello there!", "What can you do?", "Thanks a lot!"],
  ru: ["Привет!", "Привет! Что ты умеешь?", "Спасибо большое!"],
  uk: ["Добрий день", "Привіт! Що ти вмієш?", "Дякую!"],
  de: ["Guten Morgen!", "Hallo, was kannst du?", "Vielen Dank!"],
  es: ["¡Hola!", "Hola, ¿qué puedes hacer?", "¡Muchas gracias!"],
  fr: ["Salut !", "Bonjour ! Qu’est-ce que tu sais faire ?", "Merci beaucoup !"],
  pt: ["Olá!", "Oi, o que você pode fazer?", "Muito obrigada!"],
  it: ["Ciao!", "Ciao! Cosa sai fare?", "Grazie mille!"],
  tr: ["Merhaba!", "İyi günler, neler yapabilirsin?", "Teşekkür ederim!"],
  ar: ["مرحباً!", "السلام عليكم، ماذا يمكنك أن تفعل؟", "شكراً جزيلاً"],
  fa: ["درود", "سلام! چه کاری می‌توانی بکنی؟", "خیلی ممنون!"],
  hi: ["नमस्ते!", "नमस्ते! आप क्या कर सकते हैं?", "बहुत धन्यवाद!"],
  id: ["Selamat pagi!", "Halo, kamu bisa apa?", "Terima kasih banyak!"],
  zh: ["你好！", "你好！你能做什么？", "非常感谢！"],
};

describe("what is small talk", () => {
  it.each(Object.entries(SAID))(
    "%s: a greeting, a question about the bot and thanks, in that language",
    (locale, [hi, what, thanks]) => {
      expect(smallTalk(hi), hi).toMatchObject({ kind: "greeting" });
      expect(smallTalk(what), what).toMatchObject({ kind: "capability" });
      expect(smallTalk(thanks), thanks).toMatchObject({ kind: "thanks" });
      // Whatever the user's Telegram language, the reply is in the language they wrote.
      for (const text of [hi, what, thanks])
        expect(smallTalkLocale(smallTalk(text)!, "en"), text).toBe(locale);
    },
  );

  it("covers every language the bot speaks", () => {
    expect(Object.keys(SAID).sort()).toEqual([...LOCALES].sort());
  });

  it("answers English greetings, used everywhere, in the user's own language", () => {
    expect(smallTalkLocale(smallTalk("hi 👋")!, "ru")).toBe("ru");
    expect(smallTalkLocale(smallTalk("Hey bot, what can you do?")!, "de")).toBe("de");
  });

  it("leaves questions alone, even ones that start with a greeting or look like one", () => {
    for (const text of [
      "Who was at the meeting?",
      "hi, who was at the meeting?",
      "What can you tell me about the harbour?",
      "what is this article about?",
      "Привет, кто был на встрече?",
      "Что ты знаешь о Лукашенко?",
      "help with the budget figures",
      "ok",
      "thanks to whom did the council agree?",
      "How does it work?",
      "what is this?",
      "Как это работает?",
      "",
    ])
      expect(smallTalk(text), text).toBeUndefined();
  });
});

describe("small talk in the bot", () => {
  it("introduces itself in Russian to 'Привет! Что ты умеешь?', naming the chat's articles", async () => {
    const h = makeTestBot();
    await h.footnote.ingest(`chat:${OWNER}`, {
      kind: "text",
      text: "An article about the harbour of Portwick.",
    });
    await h.send({ text: "Привет! Что ты умеешь?", languageCode: "en" });
    const [reply, ...more] = h.to(OWNER).map((m) => m.plain);
    expect(more).toEqual([]);
    expect(reply).toBe(
      `${translator("ru").t("hello")} ${translator("ru").t("hello-articles", { count: 1 })}`,
    );
    expect(reply).toContain("1 статья");
    expect(h.footnote.calls.filter((c) => c.method === "ask")).toEqual([]);
  });

  it("tells a chat without articles how to start, in the user's language", async () => {
    const h = makeTestBot();
    await h.send({ text: "hello", languageCode: "de" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([
      `${translator("de").t("hello")} ${translator("de").t("hello-start-private")}`,
    ]);
  });

  it("answers in a group only when addressed, with the group's way to start, in reply", async () => {
    const h = makeTestBot();
    await h.send({ chatId: GROUP, text: "hi everyone" });
    expect(h.calls).toEqual([]);
    const hi = await h.send({ chatId: GROUP, text: `@${botInfo.username} hi! what can you do?` });
    const [reply] = h.to(GROUP);
    expect(reply!.plain).toBe(`${translator("en").t("hello")} ${translator("en").t("hello-start-group")}`);
    expect(reply!.payload.reply_parameters).toMatchObject({ message_id: hi.message_id });
  });

  it("says you're welcome to thanks", async () => {
    const h = makeTestBot();
    await h.send({ text: "thanks!", languageCode: "es" });
    await h.send({ text: "Спасибо", languageCode: "es" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([
      translator("es").t("you-are-welcome"),
      translator("ru").t("you-are-welcome"),
    ]);
  });

  it("still asks a question that starts with a greeting", async () => {
    const h = makeTestBot();
    await h.send({ text: "Hi, who was at the meeting?" });
    expect(h.footnote.calls.filter((c) => c.method === "ask")).toHaveLength(1);
  });
});
