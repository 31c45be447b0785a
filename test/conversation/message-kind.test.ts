import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyMessage, isArticleText, mostlyLink } from "../../src/conversation/message-kind.ts";
import { findLinks, onlyLink } from "../../src/ingest/find-link.ts";

const ARTICLE = readFileSync(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");

describe("findLinks", () => {
  it("finds links with or without a scheme, inside a sentence too", () => {
    expect(findLinks("www.bbc.com/news/world-123").map((l) => l.url)).toEqual([
      "https://www.bbc.com/news/world-123",
    ]);
    expect(findLinks("bbc.co.uk/news/x").map((l) => l.url)).toEqual(["https://bbc.co.uk/news/x"]);
    expect(findLinks("have a look at this http://example.org/a?b=1").map((l) => l.url)).toEqual([
      "http://example.org/a?b=1",
    ]);
    expect(onlyLink("  https://example.org/a  ")).toBe("https://example.org/a");
    expect(onlyLink("read https://example.org/a")).toBeUndefined();
  });

  it("takes file names, abbreviations and e-mail addresses for no link", () => {
    for (const text of [
      "report.pdf",
      "e.g. the U.S. said so",
      "write to editor@example.org",
      "version 1.2.3",
    ])
      expect(findLinks(text), text).toEqual([]);
  });
});

describe("classifyMessage", () => {
  it("reads a bare link, or a link with a few words, as a link", () => {
    expect(classifyMessage("https://example.org/story", 500)).toEqual({
      kind: "link",
      url: "https://example.org/story",
    });
    expect(classifyMessage("have a look at this www.example.org/story", 500)).toEqual({
      kind: "link",
      url: "https://www.example.org/story",
    });
  });

  it("offers a pasted article, even one longer than any question", () => {
    expect(classifyMessage(ARTICLE, 500)).toMatchObject({ kind: "article" });
    expect(classifyMessage(ARTICLE.slice(0, 700), 500)).toMatchObject({ kind: "article" });
  });

  it("reads a short message as a question, a link in a long question too", () => {
    expect(classifyMessage("Who was at the meeting?", 500)).toEqual({ kind: "question" });
    expect(classifyMessage("And when?", 500)).toEqual({ kind: "question" });
    expect(
      mostlyLink(
        "I read at https://example.org/a that the council met on Monday; who chaired the meeting and what did they decide about the ferry?",
      ),
    ).toBeUndefined();
  });

  it("counts words in scripts written without spaces (Chinese, Thai)", () => {
    const zh =
      "本周二，两国交通部长在杭州会面，讨论修建一条新的跨境铁路。会谈持续了七个小时，一直到深夜才结束。" +
      "会后，部长们告诉记者，这条铁路的建设费用约为一百二十亿元。第一列火车预计将在四年后通车。";
    expect(isArticleText(zh)).toBe(true);
    expect(classifyMessage(zh.repeat(2), 500)).toMatchObject({ kind: "article" });
    expect(classifyMessage("会谈持续了几个小时？", 500)).toEqual({ kind: "question" });
    expect(isArticleText("ประชุมกันที่กรุงเทพฯ")).toBe(false);
  });

  it("knows text too short to be an article", () => {
    expect(isArticleText("have a look at this")).toBe(false);
    expect(isArticleText(ARTICLE)).toBe(true);
  });
});
