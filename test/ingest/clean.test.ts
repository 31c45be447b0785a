import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanArticle, cleanArticleText, normalizeText, parseDateLine } from "../../src/ingest/clean.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), "utf8");

describe("cleanArticleText on a copied news page (TRT World style)", () => {
  const raw = fixture("belarus-lukashenko-jailed-rivals.txt");
  const cleaned = cleanArticle(raw);
  const text = cleaned.text;

  it("keeps the body paragraphs, quotes and subheadings", () => {
    expect(text).toContain(
      "prisoners including Viktor Babaryko, a banker once seen as the strongman's toughest rival",
    );
    expect(text).toContain("Others in the picture include Liliya Vlasova, a lawyer");
    expect(text).toContain("and Vitali Shkliarov, a Belarusian-US strategist");
    expect(text).toContain(
      "Tikhanovskaya only stood as president after her husband's detention meant he could not run.",
    );
    expect(text).toContain("The opposition described the visit as a sign of weakness.");
    expect(text).toContain('But she added that "you can\'t have dialogue in a prison cell."');
    expect(text).toContain("Pale, unsmiling inmates");
    expect(text).toContain("Lukashenko 'forced to sit down for talks'");
    expect(text).toContain(
      "President Alexander Lukashenko holds a rare meeting with detained opposition leaders",
    );
  });

  it("drops labels, credits, the trailing headline list and the duplicated title", () => {
    for (const furniture of [
      "READ MORE",
      "Recommended",
      "SOURCE:",
      "Explore",
      "Netflix loses",
      "MIN READ",
      "/ AFP",
      "Mehmet Emre",
      "Global Sumud",
    ]) {
      expect(text).not.toContain(furniture);
    }
    expect(text.split("\n")).not.toContain("WORLD");
    expect(text.match(/Belarus' Lukashenko holds talks with jailed rivals/g)).toHaveLength(1);
    expect(text.startsWith("Belarus' Lukashenko holds talks with jailed rivals\n")).toBe(true);
  });

  it("moves the lone dateline out of the text into publishedAt, and finds the headline", () => {
    expect(text).not.toContain("October 10, 2020");
    expect(cleaned.publishedAt).toBe("2020-10-10");
    expect(cleaned.title).toBe("Belarus' Lukashenko holds talks with jailed rivals");
  });

  it("ends with the article's last paragraph", () => {
    expect(text.endsWith("meant he could not run.")).toBe(true);
    expect(cleanArticleText(raw)).toBe(text);
  });
});

describe("cleanArticleText on another site's furniture", () => {
  const cleaned = cleanArticle(fixture("synthetic-news.txt"));
  const text = cleaned.text;

  it("drops other labels, breadcrumbs, bylines, credits and the 'Most read' list", () => {
    for (const furniture of [
      "Home ›",
      "Updated 3 March",
      "5 min read",
      "ADVERTISEMENT",
      "Related:",
      "Electric ferries",
      "Photo:",
      "Getty Images",
      "Sign up",
      "Share this article",
      "Most read",
      "Storm warning",
      "cinnamon buns",
      "cycle bridge",
    ]) {
      expect(text).not.toContain(furniture);
    }
    expect(cleaned.byline).toBe("Jonas Eriksen");
    expect(cleaned.publishedAt).toBe("2023-03-03");
    expect(cleaned.title).toBe("City switches its buses to batteries ahead of schedule");
    expect(text.match(/City switches its buses/g)).toHaveLength(1);
  });

  it("keeps the real content, including a two-word paragraph and a subheading", () => {
    expect(text).toContain("The last diesel bus in Nordhavn will leave service on Friday");
    expect(text).toContain('"Drivers were sceptical at first," said Petra Holm');
    expect(text).toContain("\n\nCost and reliability\n\n");
    expect(text).toContain("\n\nIt worked.\n\n");
    expect(text.endsWith("kept to its timetable on all but two days.")).toBe(true);
  });

  it("cuts a trailing run of headlines even without a label, and a 'More from' block", () => {
    const body =
      "The mayor opened the bridge on Monday, and thousands of people walked across it in the rain.";
    const tail =
      "\n\nStorm warning issued for the west coast\n\nFive cafés with the best buns in town\n\nWhy house prices are falling in the suburbs\n";
    expect(cleanArticleText(body + tail)).toBe(body);
    const labelled = `${body}\n\nMore from City News\n\nCouncil votes on the harbour plan\n\nA new library opens\n`;
    expect(cleanArticleText(labelled)).toBe(body);
  });
});

describe("cleanArticleText on clean text", () => {
  // A SQuAD-style passage set: nothing here is furniture.
  const squad = [
    "Super Bowl 50",
    "",
    "Super Bowl 50 was an American football game to determine the champion of the National Football League (NFL) for the 2015 season. The American Football Conference (AFC) champion Denver Broncos defeated the National Football Conference (NFC) champion Carolina Panthers 24–10 to earn their third Super Bowl title.",
    "",
    "The game was played on February 7, 2016, at Levi's Stadium in the San Francisco Bay Area at Santa Clara, California.",
    "",
    "It was close.",
    "",
    "Why the league chose gold",
    "",
    'As this was the 50th Super Bowl, the league emphasized the "golden anniversary" with various gold-themed initiatives, as well as temporarily suspending the tradition of naming each Super Bowl game with Roman numerals.',
    "",
    "Who won? Denver did.",
    "",
    "- Denver Broncos",
    "- Carolina Panthers",
    "- Levi's Stadium",
  ].join("\n");

  it("comes out unchanged", () => {
    expect(cleanArticleText(squad)).toBe(squad);
  });

  it("changes only whitespace in messy but clean text", () => {
    const messy =
      "  \r\nFirst paragraph ends here.   \r\n\r\n\r\n\r\nSecond one, short.\t\nThird line.\n\n\n";
    expect(cleanArticleText(messy)).toBe("First paragraph ends here.\n\nSecond one, short.\nThird line.");
  });

  it("keeps short real paragraphs that end in punctuation, even near the end", () => {
    const text =
      "The committee met for six hours on Tuesday and reached no decision.\n\nThen it voted.\n\nNo.\n\nIt will meet again.";
    expect(cleanArticleText(text)).toBe(text);
  });

  it("keeps a single short line", () => {
    expect(cleanArticleText("Hello there")).toBe("Hello there");
  });
});

describe("normalizeText", () => {
  it("normalises line ends, trailing spaces, blank runs and to NFC", () => {
    expect(normalizeText("\uFEFFa  \r\nb\rc\n\n\n\nd\u00a0 ")).toBe("a\nb\nc\n\nd");
    expect(normalizeText("cafe\u0301")).toBe("caf\u00e9");
  });
});

describe("parseDateLine", () => {
  it.each([
    ["October 10, 2020", "2020-10-10"],
    ["Published: 3 March 2023", "2023-03-03"],
    ["Updated 3 March 2023 14:05 GMT", "2023-03-03"],
    ["Saturday, Oct. 10, 2020", "2020-10-10"],
    ["2021-02-28", "2021-02-28"],
    ["Sept 1st 2019", "2019-09-01"],
  ])("%s → %s", (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(["February 30, 2020", "On October 10, 2020 the vote was held.", "October 2020", "10/10/2020"])(
    "not a lone date: %s",
    (line) => {
      expect(parseDateLine(line)).toBeUndefined();
    },
  );
});

describe("cleanArticleText: bracketed cross-links", () => {
  it("drops a line wholly in brackets, and keeps brackets inside a sentence", () => {
    const text = cleanArticleText(
      [
        "A series of manhole fires forced the evacuation of several theaters.",
        "[What you need to know to start the day: Get New York Today in your inbox.]",
        "[Read: Why the city's pipes keep bursting]",
        '"[T]he birth lottery matters more in the U.S.," the report states.',
        "See note [1] below.",
      ].join("\n\n"),
    );
    expect(text).not.toContain("What you need to know");
    expect(text).not.toContain("[Read:");
    expect(text).toContain('"[T]he birth lottery matters more in the U.S.," the report states.');
    expect(text).toContain("See note [1] below.");
  });
});

describe("cleanArticleText: invisible characters, captions and print trailers", () => {
  const body = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `This is the body of the story, paragraph number ${i + 1} of it.`,
    ).join("\n\n");

  it("takes soft hyphens and zero-width spaces out of words, and keeps the Persian joiner", () => {
    expect(normalizeText("Prime Minister Netan\u00adyahu met the\u200b press.")).toBe(
      "Prime Minister Netanyahu met the press.",
    );
    expect(normalizeText("می\u200cخواهم")).toBe("می\u200cخواهم");
  });

  it("drops caption lines that say where their pictures are, and lone 'Image' lines", () => {
    const text = cleanArticleText(
      `${body(2)}\n\nImage\n\nClockwise from top: small whale bones; squid beaks, from the stomach of a sperm whale.\n\nFrom left: Ann Lee and Bo Chan at the launch.\n\n${body(2)}`,
    );
    expect(text).not.toMatch(/^Image$/m);
    expect(text).not.toContain("Clockwise from top");
    expect(text).not.toContain("From left:");
    expect(text).toContain("paragraph number 2 of it.");
  });

  it("keeps a sentence that only mentions an image or a direction", () => {
    const text = cleanArticleText(
      `${body(2)}\n\nImage search results were removed by the court on Monday.\n\n${body(1)}`,
    );
    expect(text).toContain("Image search results were removed");
    expect(cleanArticleText(`${body(1)}\n\nThe left said it would try again.\n\n${body(1)}`)).toContain(
      "The left said",
    );
  });

  it("cuts a newspaper's print trailer and its reader links", () => {
    const text = cleanArticleText(
      `${body(3)}\n\nA version of this article appears in print on\n\n, on Page\n\nA\n\n22\n\nof the New York edition\n\nwith the headline:\n\nUnder the City’s Streets. Order Reprints | Today’s Paper | Subscribe`,
    );
    expect(text.endsWith("paragraph number 3 of it.")).toBe(true);
    expect(text).not.toContain("Reprints");
  });
});

describe("cleanArticleText: site labels in several languages, a wiki's contents and edit links", () => {
  const body = "The council met on Tuesday and voted to keep the ferry running through the winter.";

  it("drops site labels alone on a line, in English and in the languages users share pages in", () => {
    const labels = [
      "Continue reading the main story",
      "Powered by SmartAsset.com",
      "Más en Opinión ›",
      "Lo más reciente",
      "Buscar",
      "转播到腾讯微博",
      "精彩视频推荐",
      "À lire aussi",
    ];
    const text = [body, ...labels.flatMap((l) => [l, body.replace("Tuesday", "Wednesday")])].join("\n\n");
    const cleaned = cleanArticleText(text);
    for (const label of labels) expect(cleaned, label).not.toContain(label);
    expect(cleaned).toContain("Tuesday");
    expect(cleaned).toContain("Wednesday");
  });

  it("keeps a sentence that opens like a label", () => {
    const text = `${body}\n\nPlus de 200 personnes sont toujours sans nouvelles, a déclaré le ministre.\n\n${body}`;
    expect(cleanArticleText(text)).toContain("Plus de 200 personnes");
  });

  it("drops a wiki's table of contents and the [edit] links after its headings", () => {
    const text = [
      "Mozilla is a free software community founded in 1998 by members of Netscape.",
      "Contents",
      "1 History",
      "1.1 Eich CEO promotion controversy",
      "2 Values",
      "History[edit]",
      "Mozilla was founded in February 1998 to coordinate the development of the Mozilla Application Suite.",
      "Geschichte[Bearbeiten | Quelltext bearbeiten]",
      "Mozilla wurde im Februar 1998 gegründet, um die Entwicklung der Mozilla Application Suite zu koordinieren.",
    ].join("\n\n");
    const cleaned = cleanArticleText(text);
    expect(cleaned).not.toMatch(/Contents|1\.1 Eich|\[edit\]|\[Bearbeiten/);
    expect(cleaned).toContain("History\n\nMozilla was founded");
    expect(cleaned).toContain("Geschichte\n\nMozilla wurde");
  });

  it("keeps a heading called Contents when no numbered entries follow it", () => {
    const text = `${body}\n\nContents\n\nThe box held letters, a watch and two photographs of the harbour.`;
    expect(cleanArticleText(text)).toContain("Contents");
  });
});
