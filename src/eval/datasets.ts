/**
 * The question sets `footnote eval` reads, as one shape: articles to ingest and questions with
 * their gold answers (none: the articles do not answer it). Two formats, one loader each:
 * SQuAD 2.0 JSON (shared/datasets/README.md) and a news set (saved pages plus questions,
 * test/fixtures/news/questions.json).
 */
import fs from "node:fs";
import path from "node:path";
import { FootnoteError } from "../errors.ts";
import type { IngestSource } from "../types.ts";

export interface EvalArticle {
  /** What the questions call it (a SQuAD title, a page's file name). */
  key: string;
  source: IngestSource;
}

export interface EvalQuestion {
  question: string;
  /** Acceptable answers; empty when the articles cannot answer it. */
  gold: string[];
  /** The article it was written about. */
  article: string;
}

/** A question asked right after another, in one conversation, that leans on it ("What did he say?"). */
export interface EvalFollowUp {
  first: string;
  followUp: string;
  /** Acceptable answers to the follow-up. */
  gold: string[];
  article: string;
}

export interface EvalSet {
  kind: "squad" | "news";
  articles: EvalArticle[];
  questions: EvalQuestion[];
  /** A news set's follow-up pairs (`followUps`), asked through the conversation path. */
  followUps: EvalFollowUp[];
}

interface SquadFile {
  data: Array<{
    title: string;
    paragraphs: Array<{
      context: string;
      qas: Array<{ question: string; answers: Array<{ text: string }>; is_impossible?: boolean }>;
    }>;
  }>;
}

interface NewsFile {
  pagesDir: string;
  pages: string[];
  questions: Array<{ question: string; answers: string[]; page: string }>;
  followUps?: Array<{ page: string; first: string; followUp: string; answers: string[] }>;
}

/** `pagesDir`, when given, replaces the news set's own (which is relative to the working folder). */
export function loadEvalSet(file: string, opts: { pagesDir?: string } = {}): EvalSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new FootnoteError(
      "BAD_INPUT",
      `Could not read the dataset ${file}: ${(error as Error).message}. Give a SQuAD-format JSON file or a news set.`,
    );
  }
  if (isObject(parsed) && Array.isArray(parsed.data)) return fromSquad(parsed as unknown as SquadFile);
  if (isObject(parsed) && Array.isArray(parsed.pages) && Array.isArray(parsed.questions))
    return fromNews(parsed as unknown as NewsFile, opts.pagesDir);
  throw new FootnoteError(
    "BAD_INPUT",
    `${file} is neither in SQuAD format (a "data" list) nor a news set ("pages" and "questions").`,
  );
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

function fromSquad(squad: SquadFile): EvalSet {
  return {
    kind: "squad",
    followUps: [],
    articles: squad.data.map((a) => ({
      key: a.title,
      source: { kind: "text", text: a.paragraphs.map((p) => p.context).join("\n\n"), title: a.title },
    })),
    questions: squad.data.flatMap((a) =>
      a.paragraphs.flatMap((p) =>
        p.qas.map((qa) => ({
          question: qa.question,
          gold: qa.is_impossible === true ? [] : qa.answers.map((x) => x.text),
          article: a.title,
        })),
      ),
    ),
  };
}

function fromNews(news: NewsFile, pagesDir = news.pagesDir): EvalSet {
  const articles = news.pages.map((page): EvalArticle => {
    const file = path.resolve(pagesDir, page);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new FootnoteError(
        "BAD_INPUT",
        `Could not read the page ${file}: ${(error as Error).message}. Run from the folder the set's pagesDir is relative to, or give --pages <dir>.`,
      );
    }
    return { key: page, source: { kind: "file", bytes, filename: page, contentType: "text/html" } };
  });
  return {
    kind: "news",
    articles,
    questions: news.questions.map((q) => ({ question: q.question, gold: q.answers, article: q.page })),
    followUps: (news.followUps ?? []).map((f) => ({
      first: f.first,
      followUp: f.followUp,
      gold: f.answers,
      article: f.page,
    })),
  };
}
