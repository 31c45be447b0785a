/**
 * What the bot says, in one place: the ask, ingest, paste, link, /new and /help features take
 * their lines from here, so translating the bot (issue 13, @grammyjs/i18n) is a matter of
 * replacing this module's functions with look-ups. Lines are plain text unless named *Html.
 */
import type { QuestionStats } from "../conversation/types.ts";
import { escapeHtml, titleLink, truncate } from "./html.ts";

export const INGEST_USAGE =
  "Send /ingest followed by a link or by the article's text, or reply /ingest to a message or to a .txt, .html, .md or .pdf file.";

export const say = {
  ingestUsage: INGEST_USAGE,
  /** /ingest with text that holds no link and is too short to be an article. */
  notAnArticle: (words: number) =>
    `I found no link in that, and ${words} word${words === 1 ? "" : "s"} is too short to be an article, so I stored nothing. ${INGEST_USAGE}`,
  noTextInMessage: `That message has no text to read. ${INGEST_USAGE}`,
  onlyAdminsAdd: "Only the bot's admins can add articles here.",
  onlyAdminsRemove: "Only the bot's admins can remove articles here.",
  ingestTooFast: (limit: number, wait: string) =>
    `You are adding articles faster than ${limit} a minute; try again in ${wait}.`,
  askTooFast: (limit: number, wait: string) =>
    `You are asking faster than ${limit} questions a minute; try again in ${wait}.`,
  /** A question longer than MAX_QUESTION_CHARS that does not read like an article either. */
  questionTooLong: (length: number, max: number) =>
    `That is ${length} characters, more than I take for a question (${max}), and it does not read like an article. ` +
    `Ask something shorter, or send /ingest followed by the text to store it as an article.`,
  askUsage: "Send /ask followed by your question about this chat's articles.",
  askMe: (username: string) =>
    `Ask me a question about this chat's articles, e.g. @${username} who was at the meeting?`,
  unknownCommand: "I don't know that command. /help lists what I can do.",
  whatICanDo:
    "Send me a question as text, a link to an article, or an article's text or file (.txt, .html, .md, .pdf). /help explains more.",
  couldNotAdd: (why: string) => `Could not add that: ${why}`,
  readingLink: (url: string) => `Reading ${truncate(url, 300)}…`,
  readingText: (chars: number) => `Reading your text (${chars.toLocaleString("en")} characters)…`,
  readingFile: (name: string) => `Reading ${truncate(name, 200)}…`,
  /** A long paste in a private chat, offered for storing. */
  pasteOffer: (words: number) =>
    `That looks like an article (${words.toLocaleString("en")} words). Shall I add it to this chat's articles? Then you can ask me about it.`,
  pasteAdd: "➕ Add it",
  pasteAsk: "❓ It's a question",
  pasteGone: "I no longer have that text; please send it again.",
  pasteAdding: "Adding it…",
  pasteAsking: "Answering it as a question…",
  undo: "↩️ Undo",
  undone: (titleHtml: string) => `Removed ${titleHtml} again. Nothing of it is kept.`,
  undoGone: "That article is no longer here.",
  forgetUsage: "Send /forget followed by an article's id; /list shows them.",
  noSuchArticleHtml: (idHtml: string) => `No article <code>${idHtml}</code> in this chat. /list shows them.`,
  forgotHtml: (titleHtml: string, idHtml: string) => `Forgot ${titleHtml} (<code>${idHtml}</code>).`,
  stranger: (userId: number, groupChatId: number | undefined) =>
    `Sorry, this bot is private. Your Telegram user id is ${userId}; its owner can let you in by setting ALLOWED_USER_IDS=${userId}${
      groupChatId !== undefined ? `, or this whole group with ALLOWED_CHAT_IDS=${groupChatId}` : ""
    }.`,
  newConversation:
    "Started afresh: I've let go of our earlier questions, so the next one stands on its own. Your articles stay; /list shows them.",
};

export function addedHtml(r: {
  id: string;
  title: string;
  url: string | null;
  chunks: number;
  duplicate: boolean;
}): string {
  const title = titleLink(truncate(r.title || "Untitled", 200), r.url);
  if (r.duplicate)
    return `I already have ${title} (id <code>${escapeHtml(r.id)}</code>). Ask me about it, or see /list.`;
  const passages = `${r.chunks} passage${r.chunks === 1 ? "" : "s"}`;
  return `Added ${title}: ${passages} (id <code>${escapeHtml(r.id)}</code>). Ask me about it, or see /list.`;
}

/** For admins, under /help: how the bot has been answering. */
export function adminStatsLine(s: QuestionStats): string {
  const p95 = s.p95Ms === null ? "–" : `${Math.round(s.p95Ms).toLocaleString("en")} ms`;
  return `Admin: in the last 24 hours ${s.answered} questions answered, ${s.declined} declined (${s.followUps} follow-ups), p95 answer time ${p95}. \`footnote stats\` on the server shows more.`;
}

export function helpLines(opts: { private: boolean; username: string }): string[] {
  const asking = opts.private
    ? "Then just ask a question here. Follow-ups work too (“what did he say?”); /new starts afresh."
    : `Then ask with /ask <question>, by mentioning @${opts.username}, or by replying to one of my messages (a reply to an answer carries its conversation on).`;
  const adding = opts.private
    ? "Send me a link and I'll read it; paste an article's text and I'll offer to keep it; or send a .txt/.html/.md/.pdf file. /ingest <link or text> works too."
    : "Add an article with /ingest <link>, /ingest followed by pasted text, or /ingest as a reply to a message or a .txt/.html/.md/.pdf file.";
  return [
    "I answer questions about the articles you give me, citing the passages I used.",
    adding,
    asking,
    "/list shows this chat's articles; /forget <id> removes one.",
  ];
}
