/**
 * An in-memory Footnote for the bot's unit tests: libraries kept apart, URL "fetches" from a
 * table, and a naive word-overlap answerer that cites the matching sentences.
 */
import { FootnoteError } from "../../src/errors.ts";
import type {
  AnswerResult,
  ArticleSummary,
  AskOptions,
  Citation,
  Footnote,
  IngestProgress,
  IngestResult,
  IngestSource,
  RetrievedPassage,
} from "../../src/types.ts";

interface Stored extends ArticleSummary {
  text: string;
}

const STOP = new Set([
  "what",
  "who",
  "when",
  "where",
  "which",
  "does",
  "did",
  "was",
  "were",
  "the",
  "and",
  "about",
  "with",
  "that",
  "this",
  "from",
  "have",
  "has",
]);

export class FakeFootnote implements Footnote {
  readonly calls: Array<{ method: string; libraryId?: string; arg?: unknown }> = [];
  /** What fetching a URL yields; unknown URLs fail like a 404. */
  readonly pages = new Map<string, { title: string; text: string }>();
  /** Replaces the built-in answerer. */
  askImpl?: (libraryId: string, question: string, opts?: AskOptions) => Promise<AnswerResult>;
  /** Runs before each ingest (to fail, stall or report progress). */
  beforeIngest?: (source: IngestSource, onProgress?: (p: IngestProgress) => void) => Promise<void>;
  private readonly libraries = new Map<string, Stored[]>();
  private nextId = 1;

  async ingest(
    libraryId: string,
    source: IngestSource,
    opts?: { onProgress?: (p: IngestProgress) => void },
  ): Promise<IngestResult> {
    this.calls.push({ method: "ingest", libraryId, arg: source });
    await this.beforeIngest?.(source, opts?.onProgress);
    opts?.onProgress?.({ stage: "reading" });
    let text: string;
    let title: string;
    let url: string | null = null;
    if (source.kind === "url") {
      const page = this.pages.get(source.url);
      if (!page)
        throw new FootnoteError(
          "FETCH_FAILED",
          `Could not fetch ${source.url}: the server answered 404 Not Found.`,
        );
      ({ text, title } = page);
      url = source.url;
    } else if (source.kind === "text") {
      text = source.text;
      title = source.title ?? text.trim().split("\n")[0]!.slice(0, 80);
    } else {
      text = new TextDecoder().decode(source.bytes);
      title = source.filename ?? "file";
    }
    if (text.trim() === "") throw new FootnoteError("EMPTY_ARTICLE", "That article has no readable text.");
    const library = this.libraries.get(libraryId) ?? [];
    const same = library.find((a) => a.text === text);
    if (same) return { id: same.id, title: same.title, chunks: same.chunks, duplicate: true, url: same.url };
    const chunks = Math.max(1, Math.ceil(text.length / 500));
    opts?.onProgress?.({ stage: "chunking" });
    opts?.onProgress?.({ stage: "embedding", done: chunks, total: chunks });
    opts?.onProgress?.({ stage: "storing" });
    const id = `a${this.nextId++}`;
    library.push({
      id,
      libraryId,
      title,
      url,
      byline: null,
      publishedAt: null,
      createdAt: new Date(Date.now() + this.nextId).toISOString(),
      chunks,
      chars: text.length,
      text,
    });
    this.libraries.set(libraryId, library);
    return { id, title, chunks, duplicate: false, url };
  }

  async ask(libraryId: string, question: string, opts?: AskOptions): Promise<AnswerResult> {
    this.calls.push({ method: "ask", libraryId, arg: question });
    if (this.askImpl) return this.askImpl(libraryId, question, opts);
    const words =
      question
        .toLowerCase()
        .match(/[\p{L}\p{N}]{3,}/gu)
        ?.filter((w) => !STOP.has(w)) ?? [];
    const hits: Array<{ article: Stored; sentence: string; start: number; score: number }> = [];
    for (const article of this.libraries.get(libraryId) ?? []) {
      for (const m of article.text.matchAll(/[^.!?\n]+[.!?]?/g)) {
        const s = m[0].trim();
        const score = words.filter((w) => s.toLowerCase().includes(w)).length;
        if (score > 0) hits.push({ article, sentence: s, start: m.index + m[0].indexOf(s), score });
      }
    }
    hits.sort((a, b) => b.score - a.score);
    const top = hits.slice(0, 2);
    if (top.length === 0) return { answer: "", abstained: true, citations: [] };
    const citations: Citation[] = top.map((h, i) => ({
      n: i + 1,
      articleId: h.article.id,
      title: h.article.title,
      url: h.article.url,
      quote: h.sentence,
      start: h.start,
      end: h.start + h.sentence.length,
      passageId: i,
    }));
    return { answer: top.map((h, i) => `${h.sentence} [${i + 1}]`).join(" "), abstained: false, citations };
  }

  async retrieve(): Promise<RetrievedPassage[]> {
    return [];
  }

  async list(libraryId: string): Promise<ArticleSummary[]> {
    return (this.libraries.get(libraryId) ?? []).map(({ text: _text, ...summary }) => summary);
  }

  async forget(libraryId: string, articleId: string): Promise<boolean> {
    this.calls.push({ method: "forget", libraryId, arg: articleId });
    const library = this.libraries.get(libraryId) ?? [];
    const at = library.findIndex((a) => a.id === articleId);
    if (at === -1) return false;
    library.splice(at, 1);
    return true;
  }

  async reindex(): Promise<{ passages: number }> {
    return { passages: 0 };
  }

  async close(): Promise<void> {}
}
