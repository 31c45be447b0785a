/**
 * Answers with a chat model over the OpenAI protocol (OpenAI, or a local server through
 * OPENAI_BASE_URL), grounded in the retrieved passages and cited with [n].
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { ChatPromptTemplate, MessagesPlaceholder } from "@langchain/core/prompts";
import type { Runnable } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { displayBaseURL, mapProviderError } from "../providers/openai-errors.ts";
import type { AnswerResult, RetrievedPassage } from "../types.ts";
import { buildCitations } from "./citations.ts";
import { loadPrompt } from "./prompt.ts";
import type { AnswerOptions, Answerer } from "./types.ts";

export const ABSTAIN_ANSWER = "I couldn't find that in your articles.";

const NOT_FOUND = /^[\s`'"*_]*NOT[_ ]FOUND\b/i;

/** Reasoning models served locally (DeepSeek-R1, Qwen3…) put their thinking in the content. */
function stripThinking(text: string): string {
  return text.replace(/^\s*<think>[\s\S]*?(?:<\/think>|$)/, "");
}

/** Escapes data so that nothing in it can open or close a block of the prompt. */
export function escapeData(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeData(text)
    .replace(/"/g, "&quot;")
    .replace(/[\r\n]+/g, " ");
}

/** The passages as the data block's content: `<passage n="1" title="…">text</passage>`. */
export function formatPassages(passages: RetrievedPassage[]): string {
  return passages
    .map(
      (p, i) =>
        `<passage n="${i + 1}" title="${escapeAttribute(p.title)}">\n${escapeData(p.text)}\n</passage>`,
    )
    .join("\n");
}

function abstained(): AnswerResult {
  return { answer: ABSTAIN_ANSWER, abstained: true, citations: [] };
}

/** Validates a finished reply against the passages. */
export function finishAnswer(raw: string, passages: RetrievedPassage[]): AnswerResult {
  const text = stripThinking(raw).trim();
  if (text === "" || NOT_FOUND.test(text)) return abstained();
  const { answer, citations } = buildCitations(text, passages);
  // Text without a single valid citation is not grounded in anything we gave the model, so
  // we would rather say we did not find it than pass an unsupported claim on as an answer.
  if (citations.length === 0 || answer === "") return abstained();
  return { answer, abstained: false, citations };
}

type Input = { passages: string; question: string; history: BaseMessage[] };

/**
 * Earlier turns as the conversation's messages: each question, then the answer given, without
 * its [n] markers (they pointed at passages this prompt does not hold).
 */
function historyMessages(history: AnswerOptions["history"] = []): BaseMessage[] {
  return history.flatMap((t) => [
    new HumanMessage(escapeData(t.question)),
    new AIMessage(t.answer.replace(/\s*\[\d+\]/g, "")),
  ]);
}

/**
 * Streams the reply, reporting the text so far. The SDK's timeout only covers the wait for
 * response headers, so a stream that stalls after its first chunk is cut off here.
 */
async function streamReply(
  chain: Runnable<Input, string>,
  input: Input,
  opts: AnswerOptions,
  config: Config,
): Promise<string> {
  const controller = new AbortController();
  const forward = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) forward();
  opts.signal?.addEventListener("abort", forward, { once: true });
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(new Error("stream stalled"));
    }, config.OPENAI_TIMEOUT_MS);
  };
  const stalledError = () =>
    new FootnoteError(
      "PROVIDER_TIMEOUT",
      `The chat model at ${displayBaseURL(config)} stopped sending its answer for longer than OPENAI_TIMEOUT_MS (${config.OPENAI_TIMEOUT_MS} ms): try again, or raise OPENAI_TIMEOUT_MS for slow local models.`,
    );
  let text = "";
  try {
    const stream = await chain.stream(input, { signal: controller.signal });
    for await (const piece of stream) {
      arm();
      text += piece;
      // Users see neither a model's thinking nor "NOT_FO…": that reply becomes the abstention line.
      const visible = stripThinking(text).trimStart();
      if (visible !== "" && !"NOT_FOUND".startsWith(visible) && !NOT_FOUND.test(visible))
        opts.onPartial?.(visible);
    }
  } catch (error) {
    if (stalled) throw stalledError();
    throw error;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", forward);
  }
  if (stalled) throw stalledError();
  return text;
}

export function createChatAnswerer(
  config: Config,
  opts: { fetch?: typeof fetch; model?: BaseChatModel } = {},
): Answerer {
  const model =
    opts.model ??
    new ChatOpenAI({
      model: config.CHAT_MODEL,
      temperature: config.CHAT_TEMPERATURE,
      // Local servers accept any key, but the SDK insists on one.
      apiKey: config.OPENAI_API_KEY ?? "not-needed",
      timeout: config.OPENAI_TIMEOUT_MS,
      maxRetries: config.OPENAI_MAX_RETRIES,
      configuration: {
        // Explicit, so neither LangChain nor the SDK falls back to environment variables.
        baseURL: config.OPENAI_BASE_URL ?? "https://api.openai.com/v1",
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      },
    });
  const prompt = ChatPromptTemplate.fromMessages<Input>(
    [
      ["system", loadPrompt("answer.system")],
      new MessagesPlaceholder("history"),
      ["human", loadPrompt("answer.user")],
    ],
    { templateFormat: "mustache" },
  );
  const chain: Runnable<Input, string> = prompt.pipe(model).pipe(new StringOutputParser());

  return {
    name: `chat:${config.CHAT_MODEL}`,
    async answer(question, passages, answerOpts = {}) {
      // Nothing to ground an answer in: no need to ask the model.
      if (passages.length === 0) return abstained();
      // The model reads the question as asked, with the conversation before it.
      const input: Input = {
        passages: formatPassages(passages),
        question: escapeData(answerOpts.asked ?? question),
        history: historyMessages(answerOpts.history),
      };
      let raw: string;
      try {
        raw = answerOpts.onPartial
          ? await streamReply(chain, input, answerOpts, config)
          : await chain.invoke(input, { signal: answerOpts.signal });
      } catch (error) {
        // The caller cancelled: theirs to handle, not a provider failure.
        if (answerOpts.signal?.aborted) throw answerOpts.signal.reason ?? error;
        throw mapProviderError(error, "chat", config);
      }
      return finishAnswer(raw, passages);
    },
  };
}
