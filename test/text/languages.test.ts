import { describe, expect, it } from "vitest";
import { LANGUAGES, language, writtenWithoutSpaces } from "../../src/text/languages.ts";
import { isStopWord, stem, stemKeepsInitial, terms, words } from "../../src/text/tokens.ts";
import { identifiedLanguage, identifyLanguage } from "../../src/text/identify.ts";
import { abbreviations, questionCue } from "../../src/text/questions.ts";

// The 12 XQuAD languages and the seven more the issue names.
const REQUIRED = "en es de el ru tr ar vi th zh hi ro uk fr pt it fa id ja".split(" ");

describe("the language table", () => {
  it("has an entry for every language the issue names, each with cues of every type", () => {
    for (const code of REQUIRED) {
      const entry = language(code);
      expect(entry, code).toBeDefined();
      expect(entry!.code).toBe(code);
      expect(entry!.stopWords.length, code).toBeGreaterThan(20);
      const types = new Set(entry!.cues.map((c) => c.type));
      for (const t of ["person", "time", "number", "place"] as const)
        expect(types.has(t), `${code} ${t}`).toBe(true);
      for (const c of entry!.cues)
        for (const p of c.phrases)
          expect(words(p.replace(/^\^/, ""), code).length, `${code} "${p}"`).toBeGreaterThan(0);
    }
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
  });

  it("names a Snowball stemmer that loads, wherever it names one", () => {
    for (const code of LANGUAGES) {
      const entry = language(code)!;
      if (entry.snowball) expect(() => stem("abcdef", code), code).not.toThrow();
    }
  });

  it("has the abbreviations a sentence splitter needs, lower-cased and without their full stop", () => {
    expect(abbreviations("de").has("z.b")).toBe(true);
    expect(abbreviations("ru").has("т.е")).toBe(true);
    expect(abbreviations("fr").has("mme")).toBe(true);
    expect(abbreviations("xx").size).toBe(0);
    for (const code of LANGUAGES)
      for (const a of abbreviations(code)) {
        expect(a, code).toBe(a.toLowerCase());
        expect(a.endsWith("."), code).toBe(false);
      }
  });
});

describe("segmentation", () => {
  it("splits Chinese, Japanese and Thai, written without spaces, into words with ICU", () => {
    expect(writtenWithoutSpaces(language("zh")!.script)).toBe(true);
    expect(words("中华人民共和国成立于1949年", "zh")).toEqual([
      "中华",
      "人民",
      "共和国",
      "成立",
      "于",
      "1949",
      "年",
    ]);
    expect(words("東京は日本の首都です。", "ja")).toEqual(["東京", "は", "日本", "の", "首都", "です"]);
    expect(words("ประเทศไทยมีประชากรเท่าไร", "th")).toEqual(["ประเทศไทย", "มี", "ประชากร", "เท่าไร"]);
  });

  it("keeps the vowel signs that spell Hindi and Thai words", () => {
    expect(words("भारत की राजधानी", "hi")).toEqual(["भारत", "की", "राजधानी"]);
  });

  it("splits French elisions and Turkish suffixes at the apostrophe", () => {
    expect(words("L'homme d'État", "fr")).toEqual(["l", "homme", "d", "etat"]);
    expect(words("Türkiye'nin", "tr")).toEqual(["türkiye", "nin"]);
  });
});

describe("folding", () => {
  it("folds Greek accents and the final sigma", () => {
    expect(words("ΟΔΥΣΣΕΑΣ Οδυσσέας", "el")).toEqual(["οδυσσεασ", "οδυσσεασ"]);
  });

  it("drops Arabic diacritics and tatweel and unifies alef forms", () => {
    expect(words("الْكِتَابُ الكتـــاب", "ar")).toEqual(["الكتاب", "الكتاب"]);
    expect(words("أحمد إبراهيم", "ar")).toEqual(["احمد", "ابراهيم"]);
  });

  it("lower-cases Turkish dotted and dotless i the Turkish way", () => {
    expect(words("İSTANBUL Istanbul", "tr")).toEqual(["istanbul", "ıstanbul"]);
  });

  it("reads native digits as ASCII, so a year is one number in every script", () => {
    expect(words("١٩٩٠", "ar")).toEqual(["1990"]);
    expect(words("१९४७", "hi")).toEqual(["1947"]);
    expect(words("۱۴۰۲", "fa")).toEqual(["1402"]);
  });

  it("keeps Russian й and folds ё, so Snowball's adjective endings still match", () => {
    expect(words("Который ёж", "ru")).toEqual(["который", "еж"]);
  });

  it("leaves English exactly as it was", () => {
    expect(words("Café Zürich's", "en")).toEqual(words("Café Zürich's"));
    expect(terms("The meetings were running")).toEqual(["meet", "run"]);
  });
});

describe("stemming", () => {
  const same = (lang: string, a: string, b: string) =>
    expect(stem(words(a, lang)[0]!, lang)).toBe(stem(words(b, lang)[0]!, lang));
  it("meets inflected forms with Snowball, per language", () => {
    same("ru", "встреча", "встречи");
    same("de", "Häuser", "Hauses");
    same("el", "ανθρώπου", "άνθρωποι");
    same("hi", "लड़कों", "लड़के");
    same("fr", "continuellement", "continuel");
    same("es", "canciones", "canción");
    same("it", "cantanti", "cantante");
    same("pt", "cidades", "cidade");
    same("tr", "kitaplar", "kitap");
    same("id", "membangun", "pembangunan");
    same("ar", "الكتب", "كتب");
    // "and the book": Snowball's Arabic leaves "وال", the table's prefix rewrite does not.
    same("ar", "والكتاب", "الكتاب");
  });

  it("leaves words alone in a language Snowball has no stemmer for", () => {
    expect(stem("共和国", "zh")).toBe("共和国");
    expect(stem("університету", "uk")).toBe("університету");
  });

  it("says which stemmers may change a word's first letter", () => {
    expect(stemKeepsInitial("en")).toBe(true);
    expect(stemKeepsInitial("ru")).toBe(true);
    expect(stemKeepsInitial("ar")).toBe(false);
    expect(stem("membangun", "id")[0]).not.toBe("m");
  });

  it("drops each language's stop words and question words", () => {
    expect(isStopWord("und", "de")).toBe(true);
    expect(isStopWord("когда", "ru")).toBe(true);
    expect(isStopWord("cuantos", "es")).toBe(true);
    expect(terms("Сколько людей жило в Москве?", "ru")).toEqual(["люд", "жил", "москв"]);
    // Words that ask ("what", "which", "name") are no topic either.
    expect(terms("长城叫什么名字？", "zh")).toEqual(["长城"]);
    expect(isStopWord("welche", "de")).toBe(true);
  });
});

describe("language identification", () => {
  const samples: Record<string, string> = {
    en: "When did the first meeting of the council take place?",
    es: "¿Cuándo se celebró la primera reunión del consejo?",
    de: "Wann fand die erste Sitzung des Rates statt?",
    fr: "Quand la première réunion du conseil a-t-elle eu lieu ?",
    ru: "Когда состоялось первое заседание совета?",
    uk: "Коли відбулося перше засідання ради?",
    el: "Πότε έγινε η πρώτη συνεδρίαση του συμβουλίου;",
    ar: "متى عقد الاجتماع الأول للمجلس؟",
    fa: "اولین جلسه شورا چه زمانی برگزار شد؟",
    hi: "परिषद की पहली बैठक कब हुई थी?",
    th: "การประชุมครั้งแรกของสภาเกิดขึ้นเมื่อไร",
    zh: "理事会的第一次会议是什么时候举行的？",
    ja: "評議会の最初の会議はいつ開かれましたか？",
    tr: "Konseyin ilk toplantısı ne zaman yapıldı?",
  };
  it("knows a short question's language", () => {
    for (const [code, text] of Object.entries(samples)) expect(identifyLanguage(text), code).toBe(code);
  });
  it("reads a question of rare names in ASCII by the fallback's rules, not a guessed language's", () => {
    expect(identifyLanguage("Who neburk luvin maimgril?")).toBe("en");
    expect(identifyLanguage("Sky Digital是什么时候推出的？")).toBe("zh");
  });
  it("falls back when the text says nothing", () => {
    expect(identifyLanguage("1234 !!", "de")).toBe("de");
  });
  it("says when a text is too short to tell (identifiedLanguage)", () => {
    expect(identifiedLanguage("Who neburk luvin maimgril?")).toBeUndefined();
    expect(identifiedLanguage("Em qual canal vai passar a final da Copa Libertadores?")).toBe("pt");
  });
});

describe("question cues", () => {
  const cases: [string, string, string | undefined][] = [
    ["en", "How many people live in Paris?", "number"],
    ["es", "¿Quién escribió el libro?", "person"],
    ["es", "Cuantos habitantes tiene Madrid?", "number"],
    ["de", "Wann wurde die Mauer gebaut?", "time"],
    ["de", "Wo liegt Berlin?", "place"],
    ["fr", "Qui a écrit ce livre ?", "person"],
    ["pt", "Quantos jogadores há?", "number"],
    ["it", "Dove si trova Roma?", "place"],
    ["ro", "Când a avut loc bătălia?", "time"],
    ["ru", "Сколько людей жило в Москве?", "number"],
    ["uk", "Хто написав цю книгу?", "person"],
    ["el", "Πότε ιδρύθηκε η πόλη;", "time"],
    ["tr", "Konseyin ilk toplantısı ne zaman yapıldı?", "time"],
    ["ar", "من هو مؤلف الكتاب؟", "person"],
    ["ar", "ما الذي جاء من الشمال؟", undefined],
    ["fa", "پایتخت ایران کجاست؟", "place"],
    ["hi", "भारत की राजधानी कहाँ है?", "place"],
    ["hi", "कौन सा शहर सबसे बड़ा है?", "name"],
    ["th", "ประเทศไทยมีประชากรเท่าไร", "number"],
    ["zh", "谁是第一任主席？", "person"],
    ["zh", "会议是什么时候举行的？", "time"],
    ["ja", "東京はどこにありますか？", "place"],
    ["vi", "Ai là tổng thống đầu tiên?", "person"],
    ["id", "Kapan perang itu dimulai?", "time"],
    ["xx", "anything", undefined],
  ];
  it.each(cases)("%s: %s", (lang, question, type) => {
    expect(questionCue(lang, question)).toBe(type);
  });
});
