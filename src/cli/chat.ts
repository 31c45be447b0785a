/**
 * `footnote chat`: a conversation in the terminal, with the bot's commands. Questions go
 * through the same conversation as the bot's (follow-ups, /new), a link or a pasted article is
 * stored as the bot would store it, and /help is help, not a question.
 */
import readline from "node:readline";
import { userMessage } from "../errors.ts";
import type { Footnote, IngestSource } from "../types.ts";
import { renderAnswerText } from "../answer/render-text.ts";
import type { Conversations } from "../conversation/conversation.ts";
import { classifyMessage, isSummaryRequest } from "../conversation/message-kind.ts";
import { summaryInConversation } from "../companion/in-conversation.ts";
import { companionText } from "./commands/ingest.ts";
import { count } from "./plural.ts";
import { sourceFromArg } from "./source.ts";

/** A terminal takes longer questions than Telegram's default; a paste beyond this is an article. */
const MAX_QUESTION_CHARS = 1000;

const HELP = [
  'Ask a question about the library\'s articles; follow-ups work ("what did he say?").',
  "Paste a link or an article's text to store it, or:",
  "  /ingest <url or file path>   store an article",
  "  /list                        the library's articles",
  "  /forget <id>                 remove one",
  '  /summary [id]                what an article is about (the one in focus; "tl;dr" too)',
  "  /new                         start afresh: the next question does not follow on",
  "  /help                        this",
  "  /quit                        leave",
].join("\n");

/** The summary of article `id` (or the one in focus) as the terminal shows an answer. */
async function summaryText(
  footnote: Footnote,
  conversations: Conversations | undefined,
  key: { chat: string; thread: string },
  libraryId: string,
  id: string,
  asked: string,
): Promise<string> {
  const outcome = await summaryInConversation(footnote, conversations, key, libraryId, {
    articleId: id,
    asked,
  });
  if (outcome.kind === "no-articles") return "No articles yet: /ingest <url or file>";
  if (outcome.kind === "no-such-article")
    return `No article "${outcome.articleId}" here; /list shows the ids.`;
  return outcome.result.abstained
    ? "I couldn't put together a summary of that article."
    : renderAnswerText(outcome.result);
}

/** Lines typed by a person are this far apart at least; a paste's lines come together. */
const PASTE_GAP_MS = 30;

/** Lines, with those that follow each other within `gapMs` joined into one (0: every line alone). */
async function* pastes(lines: AsyncIterable<string>, gapMs: number): AsyncGenerator<string> {
  const it = lines[Symbol.asyncIterator]();
  let pending = it.next();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const parts = [first.value];
    pending = it.next();
    while (gapMs > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = await Promise.race([
        pending,
        new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), gapMs))),
      ]);
      clearTimeout(timer);
      if (next === undefined || next.done) break;
      parts.push(next.value);
      pending = it.next();
    }
    yield parts.join("\n");
  }
}

/** Where the chat reads and writes (the terminal by default), and its conversation history. */
export interface ChatOptions {
  conversations?: Conversations;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Runs the conversation until /quit or the end of the input. */
export async function runChat(footnote: Footnote, libraryId: string, opts: ChatOptions = {}): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const key = { chat: `cli:${libraryId}`, thread: "" };
  const terminal = (input as { isTTY?: boolean }).isTTY === true;
  const rl = readline.createInterface({ input, output, terminal });
  const say = (text: string) => output.write(`${text}\n`);
  const store = async (source: IngestSource) => {
    const r = await footnote.ingest(libraryId, source, { companion: true });
    say(
      r.duplicate
        ? `Already stored: ${r.title} (id ${r.id})`
        : `Stored: ${r.title} (id ${r.id}, ${count(r.chunks, "passage")}). /forget ${r.id} removes it.`,
    );
    const companion = companionText(r).trimEnd();
    if (companion) say(companion);
  };
  say(`footnote — library "${libraryId}". Ask a question, paste a link or an article; /help for more.`);
  // A prompt is for a person at a terminal: piped input would leave "> " all over the output.
  const prompt = () => {
    if (terminal) rl.prompt();
  };
  rl.setPrompt("> ");
  prompt();
  try {
    // The iterator queues lines, so input piped in all at once is read line by line, none lost.
    // In a terminal, lines that come together are one paste (an article's paragraphs).
    for await (const raw of pastes(rl, terminal ? PASTE_GAP_MS : 0)) {
      const line = raw.trim();
      if (!line) {
        prompt();
        continue;
      }
      const [command = "", ...rest] = line.split(/\s+/);
      const arg = rest.join(" ");
      try {
        if (command === "/quit" || command === "/exit") break;
        else if (command === "/help" || command === "/start") say(HELP);
        else if (command === "/new") {
          await opts.conversations?.reset(key);
          say("Started afresh: the next question stands on its own.");
        } else if (command === "/ingest") {
          if (!arg) say("Usage: /ingest <url or file path>");
          else await store(await sourceFromArg(arg, { stdin: async () => Buffer.alloc(0) }));
        } else if (command === "/list") {
          const articles = await footnote.list(libraryId);
          say(
            articles.length
              ? articles.map((a) => `${a.id}  ${a.title}`).join("\n")
              : "No articles yet: /ingest <url or file>",
          );
        } else if (command === "/forget") {
          if (!arg) say("Usage: /forget <id>; /list shows the ids.");
          else
            say(
              (await footnote.forget(libraryId, arg))
                ? `Forgot ${arg}.`
                : `No article "${arg}" here; /list shows the ids.`,
            );
        } else if (command === "/summary" || (!command.startsWith("/") && isSummaryRequest(line))) {
          say(
            await summaryText(
              footnote,
              opts.conversations,
              key,
              libraryId,
              command === "/summary" ? arg : "",
              line,
            ),
          );
        } else if (command.startsWith("/")) {
          say(`I don't know ${command}. /help lists the commands.`);
        } else {
          const kind = classifyMessage(line, MAX_QUESTION_CHARS);
          if (kind.kind === "link") await store({ kind: "url", url: kind.url });
          else if (kind.kind === "article") await store({ kind: "text", text: line });
          else if (opts.conversations)
            say(renderAnswerText((await opts.conversations.ask(key, libraryId, line)).result));
          else say(renderAnswerText(await footnote.ask(libraryId, line)));
        }
      } catch (error) {
        say(userMessage(error));
      }
      prompt();
    }
  } finally {
    rl.close();
  }
}
