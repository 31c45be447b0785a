/**
 * What the bot says, in one place, in the language of whoever it is talking to: each line is a
 * Fluent message under locales/ (see i18n.ts). Lines are plain text unless named *Html; an *Html
 * line takes its variables already escaped (titleLink, escapeHtml) and keeps every tag.
 */
import type { Context } from "grammy";
import { FootnoteError, type ErrorCode } from "../errors.ts";
import type { QuestionStats } from "../conversation/types.ts";
import { titleLink, truncate } from "./html.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { DEFAULT_LOCALE, translator, translatorFor, type Translator } from "./i18n.ts";

/** English, for tests and for callers with no user to speak to. */
export const INGEST_USAGE = translator(DEFAULT_LOCALE).t("ingest-usage");

export type Messages = ReturnType<typeof messages>;

const byLocale = new Map<string, Messages>();

/** The lines for whoever sent this update (built once per language). */
export function say(ctx: Context): Messages {
  const tr = translatorFor(ctx);
  let lines = byLocale.get(tr.locale);
  if (!lines) byLocale.set(tr.locale, (lines = messages(tr)));
  return lines;
}

export function messages(tr: Translator) {
  const { t, isolate } = tr;
  /** An article's title, linked when it has a usable URL; isolated in right-to-left languages. */
  const titleHtml = (title: string, url: string | null, max = 200) =>
    isolate(titleLink(truncate(title || t("untitled"), max), url));
  return {
    locale: tr.locale,
    titleHtml,
    sameArticle: t("same-article"),
    ingestUsage: t("ingest-usage"),
    /** /ingest with text that holds no link and is too short to be an article. */
    notAnArticle: (words: number) => t("not-an-article", { words }),
    noTextInMessage: t("no-text-in-message"),
    onlyAdminsAdd: t("only-admins-add"),
    onlyAdminsRemove: t("only-admins-remove"),
    ingestTooFast: (limit: number, waitMs: number) =>
      t("ingest-too-fast", { limit, wait: waitText(tr, waitMs) }),
    askTooFast: (limit: number, waitMs: number) => t("ask-too-fast", { limit, wait: waitText(tr, waitMs) }),
    /** A question longer than MAX_QUESTION_CHARS that does not read like an article either. */
    questionTooLong: (length: number, max: number) => t("question-too-long", { length, max }),
    askUsage: t("ask-usage"),
    askMe: (username: string) => t("ask-me", { username }),
    unknownCommand: t("unknown-command"),
    whatICanDo: t("what-i-can-do"),
    couldNotAdd: (why: string) => t("could-not-add", { why }),
    readingLink: (url: string) => t("reading-link", { url: isolate(truncate(url, 300)) }),
    readingText: (chars: number) => t("reading-text", { chars }),
    theFile: t("the-file"),
    unreadableFile: (name: string) => t("unreadable-file", { name: isolate(truncate(name, 100)) }),
    readingFile: (name: string) => t("reading-file", { name: isolate(truncate(name, 200)) }),
    progressChunking: t("progress-chunking"),
    progressEmbedding: (done: number, total: number | undefined) =>
      total ? t("progress-embedding", { done, total }) : t("progress-embedding-unknown"),
    progressStoring: t("progress-storing"),
    /** A long paste in a private chat, offered for storing. */
    pasteOffer: (words: number) => t("paste-offer", { words }),
    pasteAdd: t("paste-add"),
    pasteAsk: t("paste-ask"),
    pasteGone: t("paste-gone"),
    pasteAdding: t("paste-adding"),
    pasteAsking: t("paste-asking"),
    undo: t("undo"),
    undoneHtml: (title: string, url: string | null) => t("undone-html", { title: titleHtml(title, url) }),
    undoGone: t("undo-gone"),
    forgetUsage: t("forget-usage"),
    noSuchArticleHtml: (idHtml: string) => t("no-such-article-html", { id: idHtml }),
    forgotHtml: (title: string, url: string | null, idHtml: string) =>
      t("forgot-html", { title: titleHtml(title, url), id: idHtml }),
    /** Ids as text: a number would be grouped ("1,234"), and these are to be copied into settings. */
    stranger: (userId: number, groupChatId: number | undefined) =>
      groupChatId === undefined
        ? t("stranger", { userId: String(userId) })
        : t("stranger-in-group", { userId: String(userId), chatId: String(groupChatId) }),
    newConversation: t("new-conversation"),
    notFound: t("not-found"),
    errorGeneric: t("error-generic"),
    /** The article companion: the line above the suggested questions under "Added …". */
    tryAsking: t("companion-try-asking"),
    suggestedGone: t("companion-suggested-gone"),
    summaryNoArticles: t("summary-no-articles"),
    summaryNothing: t("summary-nothing"),
    // autoread and small talk
    autoreadOn: t("autoread-on"),
    autoreadOff: t("autoread-off"),
    /** `/autoread` with no on or off: whether it is on, and how to switch it. */
    autoreadState: (on: boolean) => t(on ? "autoread-state-on" : "autoread-state-off"),
    autoreadPrivate: t("autoread-private"),
    autoreadOnlyAdmins: t("autoread-only-admins"),
    /** Privacy mode keeps a group's plain messages from the bot: how to turn it off in BotFather. */
    autoreadPrivacy: (username: string) => t("autoread-privacy", { username }),
    /** A greeting or "what can you do?": who the bot is, then what this chat has or how to start. */
    hello: (opts: { articles: number; group: boolean }) =>
      [
        t("hello"),
        opts.articles > 0
          ? t("hello-articles", { count: opts.articles })
          : t(opts.group ? "hello-start-group" : "hello-start-private"),
      ].join(" "),
    youAreWelcome: t("you-are-welcome"),
  };
}

/**
 * What kind of failure each code is, for a user who does not read English: the summary comes in
 * their language and our English message (which names the page, the limit, what to do) follows.
 */
const ERROR_SUMMARY: Record<ErrorCode, string> = {
  URL_REFUSED: "error-fetch",
  FETCH_FAILED: "error-fetch",
  FETCH_TIMEOUT: "error-fetch",
  EMPTY_ARTICLE: "error-content",
  NO_ARTICLE: "error-content",
  BINARY_INPUT: "error-content",
  UNSUPPORTED_TYPE: "error-content",
  TOO_LARGE: "error-too-large",
  BAD_INPUT: "error-bad-input",
  PROVIDER_AUTH: "error-provider",
  PROVIDER_RATE_LIMIT: "error-provider",
  PROVIDER_TIMEOUT: "error-provider",
  PROVIDER_UNAVAILABLE: "error-provider",
  PROVIDER_ERROR: "error-provider",
  INVALID_CONFIG: "error-generic",
  NOT_FOUND: "error-generic",
  INDEX_MISMATCH: "error-generic",
  STORE_ERROR: "error-generic",
};

/** A failure in the user's language: in English ours as written; elsewhere a summary, then ours. */
export function localizedError(ctx: Context, error: unknown): string {
  return errorLine(translatorFor(ctx), error);
}

export function errorLine(tr: Translator, error: unknown): string {
  if (!(error instanceof FootnoteError)) return tr.t("error-generic");
  if (tr.locale === DEFAULT_LOCALE) return error.message;
  const summary = tr.t(ERROR_SUMMARY[error.code]);
  return tr.t("error-with-detail", { summary, detail: tr.isolate(error.message) });
}

/** How long to wait, in the user's words: seconds up to a minute and a half, then minutes. */
function waitText({ t }: Translator, ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s <= 90 ? t("wait-seconds", { n: s }) : t("wait-minutes", { n: Math.ceil(s / 60) });
}

export function addedHtml(
  tr: Translator,
  r: {
    id: string;
    title: string;
    url: string | null;
    chunks: number;
    duplicate: boolean;
    summary?: string;
    questions?: readonly string[];
  },
): string {
  const { t } = tr;
  const title = messages(tr).titleHtml(r.title, r.url);
  const id = escapeHtml(r.id);
  const added = r.duplicate
    ? t("already-have-html", { title, id })
    : t("added-html", { title, chunks: r.chunks, id });
  // The article companion: what it is about, and (as buttons under it) what to ask.
  const gist = r.summary ? `\n\n${tr.isolate(escapeHtml(r.summary))}` : "";
  const ask = r.questions?.length ? `\n\n<b>${escapeHtml(t("companion-try-asking"))}</b>` : "";
  return added + gist + ask;
}

/** For admins, under /help: how the bot has been answering. */
export function adminStatsLine({ t }: Translator, s: QuestionStats): string {
  const p95 = s.p95Ms === null ? "–" : t("milliseconds", { ms: Math.round(s.p95Ms) });
  return t("admin-stats", { answered: s.answered, declined: s.declined, followUps: s.followUps, p95 });
}

export function helpLines({ t }: Translator, opts: { private: boolean; username: string }): string[] {
  return [
    t("help-intro"),
    opts.private ? t("help-adding-private") : t("help-adding-group"),
    opts.private ? t("help-asking-private") : t("help-asking-group", { username: opts.username }),
    t("help-list"),
    t("help-summary"),
  ];
}
