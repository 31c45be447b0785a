/**
 * The bot in its users' languages: every locale file parses and has every English message with
 * the same variables; users get their language (or English); the command menu is registered per
 * language; right-to-left replies keep their HTML, ids and mentions intact.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { commandMenu, COMMANDS } from "../../src/telegram/commands.ts";
import { localeFor, LOCALES, LOCALES_DIR, translator } from "../../src/telegram/i18n.ts";
import { errorLine, messages } from "../../src/telegram/messages.ts";
import { FootnoteError } from "../../src/errors.ts";
import { checkMessageText } from "../helpers/fake-bot-api.ts";
import { makeTestBot, OWNER } from "./harness.ts";

const REQUIRED = ["en", "ru", "uk", "de", "es", "fr", "pt", "it", "tr", "ar", "fa", "id", "zh", "hi"];
const FILES = readdirSync(LOCALES_DIR).filter((f) => f.endsWith(".ftl"));

function load(locale: string, useIsolating = false): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating });
  const source = readFileSync(join(LOCALES_DIR, `${locale}.ftl`), "utf8");
  expect(bundle.addResource(new FluentResource(source))).toEqual([]);
  return bundle;
}

/** Message ids, in file order: a line Fluent cannot parse is junk and its message goes missing. */
function ids(locale: string): string[] {
  const source = readFileSync(join(LOCALES_DIR, `${locale}.ftl`), "utf8");
  return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]!);
}

type FluentMessage = NonNullable<ReturnType<FluentBundle["getMessage"]>>;

/** The variables a message uses, wherever they stand (text, selectors, variants). */
function variables(message: FluentMessage): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "var" && typeof n.name === "string") found.add(n.name);
    for (const v of Object.values(n)) walk(v);
  };
  walk(message.value);
  return [...found].sort();
}

const SAMPLE: Record<string, string | number> = {
  words: 21,
  chars: 1234,
  chunks: 3,
  limit: 5,
  wait: "7 s",
  n: 2,
  length: 5000,
  max: 4000,
  username: "footnote_bot",
  why: "the page answered 404",
  url: "https://example.com/a",
  name: "notes.txt",
  done: 4,
  total: 9,
  title: '<a href="https://example.com/a">A &amp; B</a>',
  id: "a1b2c3",
  userId: "123456789",
  chatId: "-100987654321",
  answered: 12,
  declined: 2,
  followUps: 3,
  p95: "40 ms",
  ms: 40,
  count: 23,
  page: 1,
  pages: 3,
  date: "2024-01-01",
  summary: "I could not get that page.",
  detail: "The page answered 404.",
};

const tags = (html: string) => [...html.matchAll(/<\/?[a-z]+/g)].map((m) => m[0]);

describe("locale files", () => {
  const english = load("en");
  const englishIds = ids("en");

  it("cover every required language, and the bot loads them all", () => {
    expect(FILES.map((f) => f.replace(/\.ftl$/, "")).sort()).toEqual([...REQUIRED].sort());
    expect([...LOCALES].sort()).toEqual([...REQUIRED].sort());
  });

  it.each(REQUIRED)(
    "%s parses, has every English message and no other, with the same variables",
    (locale) => {
      const bundle = load(locale);
      expect([...ids(locale)].sort()).toEqual([...englishIds].sort());
      for (const id of englishIds) {
        const mine = bundle.getMessage(id);
        expect(mine, `${locale}: ${id}`).toBeDefined();
        expect(variables(mine!), `${locale}: ${id}`).toEqual(variables(english.getMessage(id)!));
      }
    },
  );

  it.each(REQUIRED)(
    "%s formats every message without errors; its HTML lines are valid and keep English's tags",
    (locale) => {
      const bundle = load(locale);
      for (const id of englishIds) {
        const errors: Error[] = [];
        const text = bundle.formatPattern(bundle.getMessage(id)!.value!, SAMPLE, errors);
        expect(errors, `${locale}: ${id}`).toEqual([]);
        expect(text.trim(), `${locale}: ${id}`).not.toBe("");
        if (id.endsWith("-html")) {
          expect(checkMessageText(text, "HTML"), `${locale}: ${id}`).not.toHaveProperty("error");
          const en = english.formatPattern(english.getMessage(id)!.value!, SAMPLE);
          expect(tags(text), `${locale}: ${id}`).toEqual(tags(en));
        }
      }
    },
  );

  it("uses each language's plural forms (Russian few/many, Arabic dual)", () => {
    const ru = messages(translator("ru"));
    expect(ru.pasteOffer(1)).toContain("1 слово");
    expect(ru.pasteOffer(3)).toContain("3 слова");
    expect(ru.pasteOffer(11)).toContain("11 слов");
    expect(ru.pasteOffer(21)).toContain("21 слово");
    const uk = messages(translator("uk"));
    expect(uk.readingText(2)).toContain("2 символи");
    expect(uk.readingText(5)).toContain("5 символів");
    const ar = messages(translator("ar"));
    expect(ar.pasteOffer(2)).toContain("كلمتان");
    expect(messages(translator("en")).pasteOffer(1)).toContain("(1 word)");
  });
});

describe("choosing the language", () => {
  it("strips the region and falls back to English", () => {
    expect(localeFor("pt-br")).toBe("pt");
    expect(localeFor("zh-hans")).toBe("zh");
    expect(localeFor("RU")).toBe("ru");
    expect(localeFor("sw")).toBe("en");
    expect(localeFor("xx")).toBe("en");
    expect(localeFor(undefined)).toBe("en");
  });

  it("a Russian user gets Russian help and a Russian 'not found'", async () => {
    const h = makeTestBot();
    await h.send({ text: "/help", languageCode: "ru" });
    await h.send({ text: "Какая столица Перу?", languageCode: "ru" });
    const [help, notFound] = h.to(OWNER).map((m) => m.plain);
    expect(help).toContain("Я отвечаю на вопросы о статьях");
    expect(help).not.toContain("I answer");
    expect(notFound).toBe(translator("ru").t("not-found"));
    expect(notFound).toMatch(/^Я ничего не нашёл/);
  });

  it("a Brazilian user gets Portuguese; a user whose language has no translation gets English", async () => {
    const h = makeTestBot();
    await h.send({ text: "/new", languageCode: "pt-br" });
    await h.send({ text: "/help", languageCode: "sw" });
    await h.send({ text: "/help", languageCode: "xx" });
    const [pt, sw, xx] = h.to(OWNER).map((m) => m.plain);
    expect(pt).toMatch(/^Recomeçamos/);
    expect(sw).toMatch(/^I answer questions about the articles you give me/);
    expect(xx).toBe(sw);
  });

  it("a stranger is refused in their language, with ids they can copy", async () => {
    const h = makeTestBot();
    await h.send({ userId: 777, text: "привет", languageCode: "ru" });
    const [refusal] = h.to(777).map((m) => m.plain);
    expect(refusal).toContain("Извините, это закрытый бот");
    expect(refusal).toContain("ALLOWED_USER_IDS=777.");
  });

  it("an abstained answer never shows the answerer's English line to a German user", async () => {
    const h = makeTestBot();
    h.footnote.askImpl = async () => ({
      answer: "I found nothing about that.",
      abstained: true,
      citations: [],
    });
    await h.send({ text: "Wer war bei dem Treffen?", languageCode: "de" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([translator("de").t("not-found")]);
  });
  it("a Russian user's answer names a second quote from the same article in Russian", async () => {
    const h = makeTestBot();
    const quote = (n: number, text: string) => ({
      n,
      articleId: "a1",
      title: "Встреча в Минске",
      url: null,
      quote: text,
      start: 0,
      end: text.length,
      passageId: n,
    });
    h.footnote.askImpl = async () => ({
      answer: "Бабарико [1]. Власова [2].",
      abstained: false,
      citations: [quote(1, "На встрече был Бабарико."), quote(2, "Была и Власова.")],
    });
    await h.send({ text: "Кто был на встрече?", languageCode: "ru" });
    const [reply] = h.to(OWNER);
    expect(reply!.plain).toContain("Встреча в Минске");
    expect(reply!.plain).toContain(translator("ru").t("same-article"));
    expect(reply!.plain).not.toContain("same article");
  });
});

describe("right to left", () => {
  const ARTICLE =
    "التقى الوزير بالسفراء في القاهرة يوم الاثنين لمناقشة الاتفاق الجديد. " +
    "وقال المتحدث إن المحادثات كانت مثمرة وإن جولة أخرى ستعقد الشهر المقبل. ".repeat(20);

  it("an Arabic user's /ingest, /list and /forget replies are valid HTML with ids and titles in place", async () => {
    const h = makeTestBot();
    await h.send({ text: `/ingest ${ARTICLE}`, languageCode: "ar" });
    const added = h.to(OWNER).at(-1)!;
    const id = /<code>([^<]+)<\/code>/.exec(added.text)![1]!;
    // The id inside <code> is bare (copyable for /forget); the title is isolated outside its tags.
    expect(added.text).toMatch(/^أضفتُ \u2068<b>[^<]*<\/b>\u2069: /);
    expect(id).toMatch(/^[\w-]+$/);
    await h.send({ text: "/list", languageCode: "ar" });
    const list = h.to(OWNER).at(-1)!;
    expect(list.text).toContain(`<code>${id}</code> \u2068<b>`);
    expect(list.text).toContain("<b>مقالات هذه الدردشة (1)</b>");
    await h.send({ text: `/forget ${id}`, languageCode: "ar" });
    const forgot = h.to(OWNER).at(-1)!;
    expect(forgot.text).toMatch(new RegExp(`^نسيتُ \u2068<b>.*</b>\u2069 \\(<code>${id}</code>\\)\\.$`));
    // Every reply got past Telegram's HTML checks in the harness (else it would have been resent plain).
    for (const m of h.to(OWNER)) expect(checkMessageText(m.text, "HTML")).not.toHaveProperty("error");
  });

  it("Fluent's default isolation would break copyable ids and mentions, so it is off and titles are isolated by hand", () => {
    const vars = { id: "a1b2c3", title: "<b>x</b>", username: "footnote_bot", userId: "42" };
    for (const locale of ["ar", "fa"]) {
      const isolating = load(locale, true);
      const ours = translator(locale);
      const fmt = (id: string) => isolating.formatPattern(isolating.getMessage(id)!.value!, vars);
      // With isolation the marks land inside <code>, in the @mention and in the setting to copy.
      expect(fmt("forgot-html")).toContain("<code>\u2068a1b2c3\u2069</code>");
      expect(fmt("ask-me")).toContain("@\u2068footnote_bot\u2069");
      expect(fmt("stranger")).toContain("ALLOWED_USER_IDS=\u2068" + "42\u2069");
      // Ours: bare values where they are copied or parsed by Telegram, isolated free text.
      expect(ours.t("forgot-html", vars)).toContain("<code>a1b2c3</code>");
      expect(ours.t("ask-me", vars)).toContain("@footnote_bot ");
      expect(ours.t("stranger", vars)).toContain("ALLOWED_USER_IDS=42");
      expect(messages(ours).titleHtml("عنوان", "https://example.com/")).toBe(
        '\u2068<a href="https://example.com/">عنوان</a>\u2069',
      );
    }
    // Left-to-right languages get no marks at all.
    expect(messages(translator("de")).titleHtml("Titel", null)).toBe("<b>Titel</b>");
  });
});

describe("command menu", () => {
  it("has a translated description for every command in every language", () => {
    for (const locale of LOCALES) {
      const menu = commandMenu(locale);
      expect(menu.map((c) => c.command)).toEqual(COMMANDS.map((c) => c.command));
      for (const c of menu) expect(c.description.length).toBeGreaterThan(2);
      for (const c of menu) expect(c.description.length).toBeLessThanOrEqual(256);
      if (locale !== "en") expect(menu).not.toEqual(COMMANDS);
    }
  });
});

describe("errors", () => {
  it("an English user reads our message as written; others get a summary in their language, then it", () => {
    const fetchFailed = new FootnoteError("FETCH_FAILED", "The page answered 404 Not Found; check the link.");
    expect(errorLine(translator("en"), fetchFailed)).toBe(fetchFailed.message);
    expect(errorLine(translator("de"), fetchFailed)).toBe(
      "Ich konnte diese Seite oder Datei nicht abrufen. Details (auf Englisch): The page answered 404 Not Found; check the link.",
    );
    expect(errorLine(translator("ar"), fetchFailed)).toContain(`\u2068${fetchFailed.message}\u2069`);
    expect(errorLine(translator("ru"), new Error("secret internals"))).toBe(
      translator("ru").t("error-generic"),
    );
  });

  it("a Russian user's failed /ingest is reported in Russian", async () => {
    const h = makeTestBot();
    await h.send({ text: "/ingest https://example.com/missing", languageCode: "ru" });
    const reply = h.to(OWNER).at(-1)!;
    expect(reply.history[0]).toBe("📖 Читаю https://example.com/missing…");
    expect(reply.plain).toBe(
      "Не удалось добавить: Не удалось получить эту страницу или файл. Подробности (на английском): " +
        "Could not fetch https://example.com/missing: the server answered 404 Not Found.",
    );
  });
});
