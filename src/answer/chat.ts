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
import { buildCitations, narrowQuotes } from "./citations.ts";
import { sentenceSpans } from "../text/sentences.ts";
import { evidenceProbability } from "./extractive.ts";
import { loadPrompt } from "./prompt.ts";
import { NOT_FOUND_ANSWER, type AnswerOptions, type Answerer } from "./types.ts";
import { escapeHtml } from "../text/escape-html.ts";

const NOT_FOUND = /^[\s`'"*_]*NOT[_ ]FOUND\b/i;

/** Reasoning models served locally (DeepSeek-R1, Qwen3…) put their thinking in the content. */
function stripThinking(text: string): string {
  return text.replace(/^\s*<think>[\s\S]*?(?:<\/think>|$)/, "");
}

/** Escapes data so that nothing in it can open or close a block of the prompt. */
const escapeData = (text: string) => escapeHtml(text, { quotes: false });

/** An attribute's value: escaped, quotes too, on one line. */
function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/[\r\n]+/g, " ");
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
  return { answer: NOT_FOUND_ANSWER, abstained: true, citations: [] };
}

/**
 * A model's own way of saying the passages do not hold the answer ("The passages do not
 * mention who ...", "There is no information about ..."), which is NOT_FOUND in other words.
 */
const SAYS_NOT_THERE =
  /\b(?:passages?|articles?|texts?|sources?|context)\b[^.]{0,40}\b(?:do(?:es)? not|don['’]t|doesn['’]t|never)\b[^.]{0,30}\b(?:say|state|mention|contain|include|provide|specify|give|answer|indicate|name|tell)|\bnot (?:mentioned|stated|specified|given|provided|found|included) in the (?:passages?|articles?|texts?|sources?)|\b(?:there is|there['’]s|i (?:have|found)) no (?:information|mention)\b|\bi (?:could not|couldn['’]t|cannot|can['’]t) find\b/i;

/** A marker alone, as a sentence of its own after the full stop: "It was cold. [2]". */
const ONLY_MARKERS = /^(?:\s*[[【][^\]】]{1,40}[\]】])+[.\s]*$/;

/**
 * Validates a finished reply against the passages: every claim must carry a valid marker. A
 * sentence without one is dropped (it is not grounded in anything we gave the model), a reply
 * left with none is "not found", and so is the model saying in its own words that the passages
 * do not hold the answer. Quotes are narrowed to the sentences the claims rest on.
 */
export function finishAnswer(raw: string, passages: RetrievedPassage[]): AnswerResult {
  const text = stripThinking(raw).trim();
  if (text === "" || NOT_FOUND.test(text)) return abstained();
  const cites = (sentence: string) => buildCitations(sentence, passages).citations.length > 0;
  const claims: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const kept: string[] = [];
    const sentences = sentenceSpans(paragraph).map((s) => paragraph.slice(s.start, s.end));
    for (const [i, sentence] of sentences.entries()) {
      if (ONLY_MARKERS.test(sentence)) {
        if (!cites(sentence)) continue;
        // Its claim is the sentence before, kept now that it has a marker.
        const before = sentences[i - 1];
        if (before !== undefined && !cites(before) && !SAYS_NOT_THERE.test(before)) kept.push(before);
        if (kept.length) kept[kept.length - 1] += ` ${sentence.trim()}`;
        continue;
      }
      if (SAYS_NOT_THERE.test(sentence)) continue;
      if (cites(sentence)) kept.push(sentence);
    }
    if (kept.length) claims.push(kept.join(" "));
  }
  // The model said the passages do not hold it and claimed nothing cited besides.
  if (claims.length === 0) return abstained();
  const { answer, citations } = buildCitations(claims.join("\n\n"), passages);
  // Text without a single valid citation is not grounded in anything we gave the model, so
  // we would rather say we did not find it than pass an unsupported claim on as an answer.
  if (citations.length === 0 || answer === "") return abstained();
  return { answer, abstained: false, citations: narrowQuotes(answer, citations, passages) };
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

/** The chat model the config names (OpenAI or any compatible server); `fetch`: tests. */
export function chatModel(config: Config, opts: { fetch?: typeof fetch } = {}): ChatOpenAI {
  return new ChatOpenAI({
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
}

/**
 * The answerer backed by a chat model over the OpenAI protocol, as `config` names it; `opts`
 * can give it another `fetch` or a model of its own (tests).
 */
export function createChatAnswerer(
  config: Config,
  opts: { fetch?: typeof fetch; model?: BaseChatModel } = {},
): Answerer {
  const model = opts.model ?? chatModel(config, opts);
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
      const result = finishAnswer(raw, passages);
      // The same calibrated reading of the evidence as the extractive answerer's: how likely
      // the passages hold an answer, for an answer; that they do not, for "not found".
      const p = evidenceProbability(question, passages, answerOpts.query);
      return { ...result, confidence: Math.round((result.abstained ? 1 - p : p) * 1000) / 1000 };
    },
  };
}
