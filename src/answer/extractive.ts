/**
 * The answerer that needs no model: it quotes the sentences of the retrieved passages that
 * best answer the question, the one that names what was asked first, each with its [n] marker,
 * and says it found nothing when the evidence does not hold the answer (decision.ts). Scores
 * come from retrieval's sentence matching (share of the question's IDF weight in the
 * sentence), plus an answer-type cue.
 */
import { writesNameOtherwise } from "../retrieve/acronym-match.ts";
import type { AnswerResult, Citation, RetrievedPassage } from "../types.ts";
import { NOT_FOUND_ANSWER, type Answerer } from "./types.ts";
import type { SentenceScore } from "../retrieve/sentence-match.ts";
import type { QueryTerms } from "../retrieve/query.ts";
import { isStopWord, stem, terms, words } from "../text/tokens.ts";
import { identifyLanguage } from "../text/identify.ts";
import { holdsAnswerType } from "./answer-type.ts";
import { readQuestion, type Question } from "./question.ts";
import { undotted } from "../text/undotted.ts";
import { holdsForm } from "./rules/index.ts";
import { surnameCarries } from "./surname.ts";
import { namedBeside, type Beside } from "./named-beside.ts";
import { countedNoun, countsIt } from "./counted.ts";
import { answerProbability, loadModel, type Evidence } from "./decision.ts";
import { choiceScore, loadChoiceModel, type ChoiceModel } from "./choice.ts";
import { leansBack } from "./leans-back.ts";
import { isCaptionLine } from "../text/furniture.ts";
import { endsAsking } from "../text/asks.ts";
import { isNegated } from "../text/negation.ts";
import { opposedWords } from "../text/opposites.ts";
import { nameVariants, readsWordNet } from "../text/wordnet.ts";

/** How the extractive answerer reads the passages and how long its answer may be. */
export interface ExtractiveOptions {
  /** A sentence below this share of the question's weight is no match (the decision comes after). */
  minCoverage: number;
  /** How many of the top passages it reads. */
  passages: number;
  /** At most this many sentences in the answer. */
  maxSentences: number;
  /** Longest quote shown per citation (the answer's sentences and at most one either side). */
  maxQuoteChars: number;
  /** Sentence-choice weights other than the fitted ones (scripts/fit-choice.ts). */
  choice?: ChoiceModel;
  /** Answers when the model's probability that the articles hold the answer is at least this; the fitted threshold when unset. */
  threshold?: number;
}

/** The settings the answerer runs with unless told otherwise. */
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  minCoverage: 0.2,
  passages: 5,
  maxSentences: 3,
  maxQuoteChars: 500,
};

type WithSentences = RetrievedPassage & { sentences?: SentenceScore[] };

interface Candidate {
  passage: WithSentences;
  rank: number;
  sentence: SentenceScore;
  value: number;
  relevance: number;
  typed: boolean;
  /** Its sentence-choice features (choice.ts), for fitting the weights. */
  x: number[];
  /** It answers in the form the question asks for (rules/; true when it asks for none). */
  form: boolean;
  /** Its article holds as many of the question's names as any article read. */
  named: boolean;
}

/** The answerer that needs no model, with `options` over DEFAULT_EXTRACTIVE. */
export function createExtractiveAnswerer(options: Partial<ExtractiveOptions> = {}): Answerer {
  const opts = { ...DEFAULT_EXTRACTIVE, ...options };
  return {
    name: "extractive",
    answer(question, passages, answerOpts = {}) {
      // Retrieval's passages carry their scored sentences (hybrid.ts), which the answerer reads.
      return Promise.resolve(extractAnswer(question, passages, opts, answerOpts.query));
    },
  };
}

/**
 * The extractive answer to `question` from `passages` as retrieval scored them (each with its
 * `sentences`): the chosen sentences with [n] markers and their quotes, or NOT_FOUND_ANSWER
 * when the decision model judges the evidence too weak.
 */
export function extractAnswer(
  question: string,
  passages: WithSentences[],
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  query?: QueryTerms,
): AnswerResult {
  // The passages are read in the question's language (retrieval's analysis, when given).
  const q = readQuestion(question, query?.lang ?? identifyLanguage(question));
  const { lang } = q;
  const type = kindOf(q);
  const read = passages.slice(0, opts.passages);
  const candidates = rankSentences(q, read, opts);
  const best = candidates[0];
  const model = loadModel();
  const threshold = opts.threshold ?? model.threshold;
  if (!best || best.relevance < opts.minCoverage)
    return { answer: NOT_FOUND_ANSWER, abstained: true, citations: [], confidence: 1 };
  const evidence = evidenceFor(best, q, read, query?.idf ?? recoveredWeights(candidates));
  const p = answerProbability(evidence, model);
  if (p < threshold)
    return { answer: NOT_FOUND_ANSWER, abstained: true, citations: [], confidence: round(1 - p), evidence };

  // A "who"/"when"/"how many" answer often spans sentences (a list of people, say): take
  // the next ones of the right type more readily than for a plain question. One article
  // answers: the best sentence's (another article's sentences are about something else).
  const keep = type === "other" ? KEEP_OTHER : KEEP_TYPED;
  // A typed question whose best sentence says it outright is a one-fact answer: that sentence
  // (and any that carries its list on) fits a phone screen.
  const rival = candidates.find((c) => c !== best && c.typed && !sameSentence(c, best));
  const outright =
    type !== "other" &&
    best.typed &&
    best.sentence.coverage >= OUTRIGHT &&
    (!rival || rival.value < RIVAL_SHARE * best.value);
  // Otherwise up to three sentences, a plain question's too: its answer is often in a near tie
  // with the best match.
  const most = outright ? 1 : opts.maxSentences;
  const chosen: Candidate[] = [best];
  for (const c of candidates.slice(1)) {
    if (chosen.length >= most) break;
    if (c.value < best.value * keep || c.relevance < opts.minCoverage) break;
    if (c.passage.articleId !== best.passage.articleId) continue;
    if (type !== "other" && !c.typed) continue;
    // Overlapping passages can hold the same sentence twice.
    if (chosen.some((x) => sameSentence(x, c))) continue;
    chosen.push(c);
  }
  // The answer-type cue misses some answers ("the dukes", "William the Conqueror"), and
  // a typed sentence that matches less well then goes first: a sentence without the cue that
  // matches the question at least as well goes beside it, when there is room.
  if (type !== "other" && best.typed && chosen.length < opts.maxSentences) {
    // From the same article, as every sentence of an answer is.
    const plain = candidates.find(
      (c) => !c.typed && c.relevance >= opts.minCoverage && c.passage.articleId === best.passage.articleId,
    );
    if (plain && plain.relevance >= best.relevance && !chosen.some((x) => sameSentence(x, plain)))
      chosen.splice(1, 0, plain);
  }
  addContinuations(chosen, candidates, type, opts.maxSentences);
  return { ...cite(answerOrder(chosen), opts, lang), abstained: false, confidence: round(p), evidence };
}

/**
 * A plain question's second sentence (same article) must score this share of the best: its
 * answer is often in a sentence that matches a little less well than the best.
 */
const KEEP_OTHER = 0.75;
/** A typed sentence matching this share of the question answers it outright. */
const OUTRIGHT = 0.8;
/** ... and no other sentence of the type scores this share of it (no rival answer). */
const RIVAL_SHARE = 0.8;
/** For a typed question a second sentence of the type may trail further (a list split in two). */
const KEEP_TYPED = 0.5;

/**
 * The decision model's probability that `passages` hold the answer to `question`, whoever
 * answers (the chat answerer reports it as its confidence); 0 when no sentence matches.
 */
export function evidenceProbability(
  question: string,
  passages: RetrievedPassage[],
  query?: QueryTerms,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): number {
  const q = readQuestion(question, query?.lang ?? identifyLanguage(question));
  const read = (passages as WithSentences[]).slice(0, opts.passages);
  const candidates = rankSentences(q, read, opts);
  const best = candidates[0];
  if (!best || best.relevance < opts.minCoverage) return 0;
  return answerProbability(evidenceFor(best, q, read, query?.idf ?? recoveredWeights(candidates)));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The kind of thing the question asks for, as sentence choice reads it. */
const kindOf = (q: Question): Question["type"] => q.type;

/** Forms whose rule replaces the check of the kind: "who is X" wants no other person, "how old" no other number. */
const FORM_IS_KIND = new Set<Question["form"]>(["description", "age"]);
/**
 * Forms whose rule only gives an edge (and the decision's formMissed feature): narrowing "the
 * name of X" to a name beside X's head noun lost 5 answerable SQuAD questions for 1
 * unanswerable one declined (an article names the stadium without the word "stadium").
 */
const FORM_EDGE = new Set<Question["form"]>(["name", "kind"]);

/**
 * The features the decision is taken on (decision.ts), for the best sentence: how much of
 * the question it and its passage hold, what it misses, whether it holds the kind of thing
 * asked, and whether the question's own names are in the article it comes from.
 */
function evidenceFor(
  best: Candidate,
  q: Question,
  passages: WithSentences[],
  weights: Map<string, number>,
): Evidence & Record<string, number> {
  const { lang } = q;
  const type = kindOf(q);
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const inPassage = new Set((best.passage.sentences ?? []).flatMap((s) => s.matched));
  let passageShare = 0;
  for (const [t, w] of weights) if (inPassage.has(t)) passageShare += w;
  // "Hicks, a Navy veteran …" for "Who is Vanessa Hicks?": the first name is not missing.
  const carried =
    best.form && FORM_IS_KIND.has(q.form)
      ? surnameCarries(
          q,
          best.sentence.matched,
          sentenceText(best.passage, best.sentence),
          articleText(passages, best.passage.articleId),
        )
      : [];
  let carriedShare = 0;
  for (const t of carried) carriedShare += weights.get(t) ?? 0;
  // Around the best sentence: itself and its neighbours in the passage.
  const around = new Set([...best.sentence.matched, ...carried]);
  const ss = best.passage.sentences ?? [];
  const i = ss.findIndex((s) => s.start === best.sentence.start);
  for (const j of [i - 1, i + 1]) for (const t of ss[j]?.matched ?? []) around.add(t);
  let rarest = 0;
  let rarestMissing = 0;
  for (const [t, w] of weights) {
    rarest = Math.max(rarest, w);
    if (!around.has(t)) rarestMissing = Math.max(rarestMissing, w);
  }
  let windowShare = 0;
  for (const [t, w] of weights) if (around.has(t)) windowShare += w;
  const inArticle = new Set(
    passages
      .filter((p) => p.articleId === best.passage.articleId)
      .flatMap((p) => (p.sentences ?? []).flatMap((s) => s.matched)),
  );
  let articleShare = 0;
  for (const [t, w] of weights) if (inArticle.has(t)) articleShare += w;
  const near = ss
    .slice(Math.max(0, i - 1), i + 2)
    .map((s) => sentenceText(best.passage, s))
    .join(" ");
  const negQ = q.negated;
  const negS = isNegated(sentenceText(best.passage, best.sentence), lang);
  const evidence: Evidence = {
    coverage: Math.min(1, best.sentence.coverage + carriedShare / total),
    relevance: Math.min(1, best.relevance),
    missing: rarest > 0 ? rarestMissing / rarest : 0,
    namesNear: namesShare(q, carried.length ? `${near} ${q.focus}` : near),
    typedQuestion: type === "other" ? 0 : 1,
    typed: type !== "other" && best.typed ? 1 : 0,
    // "Why won't they …?" asks the reason for what the sentence may well say without a "not".
    negatedQuestion: negQ && !negS && !q.asksReason ? 1 : 0,
    negatedSentence: negS && !negQ ? 1 : 0,
    pairs: Math.min(best.sentence.pairs, 3) / 3,
    terms: weights.size,
    fromTop: best.rank === 0 ? 1 : 0,
    names: namesShare(q, articleText(passages, best.passage.articleId)),
    opposed: opposedWords(q.text, sentenceText(best.passage, best.sentence), lang).length > 0 ? 1 : 0,
    countedApart: countedApart(q, sentenceText(best.passage, best.sentence)),
  };
  // Reported beside the model's features (eval --report), to read misses by.
  return {
    ...evidence,
    passage: passageShare / total,
    window: windowShare / total,
    article: articleShare / total,
    numbersNear: numbersShare(q.text, near, lang),
    // The best sentence misses the answer form asked ("the name of X", "what kind of X"): fitted
    // as a decision feature it weighed nearly nothing (0.07 to 0.2, either sign, across refits),
    // since "typed" already carries who-is and how-old; reported, to read misses by.
    formMissed: best.form ? 0 : 1,
  };
}

/** 1 when an English how-many question's sentence has no number of the counted thing (counted.ts). */
function countedApart(q: Question, sentence: string): number {
  const counted = q.lang === "en" && q.cues.count ? countedNoun(q.text) : undefined;
  return counted !== undefined && !countsIt(sentence, counted) ? 1 : 0;
}

/** Share of the question's numbers found in `text` (1 when it has none): reported, to read misses by. */
function numbersShare(question: string, text: string, lang: string): number {
  const nums = words(question, lang).filter((w) => /^\d/.test(w));
  if (nums.length === 0) return 1;
  const have = new Set(words(text, lang));
  return nums.filter((n) => have.has(n)).length / nums.length;
}

/**
 * Without retrieval's IDFs (passages given directly): each matched question stem's weight,
 * recovered from the sentences' coverage: a sentence matching it alone, or an even share.
 */
function recoveredWeights(candidates: Candidate[]): Map<string, number> {
  const w = new Map<string, number>();
  const all = new Set<string>();
  for (const c of candidates) for (const t of c.sentence.matched) all.add(t);
  for (const c of candidates)
    if (c.sentence.matched.length === 1) w.set(c.sentence.matched[0]!, c.sentence.coverage);
  // Stems never seen alone: what is left of the weight, shared evenly.
  const known = [...w.values()].reduce((a, b) => a + b, 0);
  const unknown = [...all].filter((t) => !w.has(t));
  for (const t of unknown) w.set(t, Math.max(0, 1 - known) / unknown.length);
  return w;
}

/** An acronym, dotted or not: "US", "U.S.", "IN". */
const ACRONYM = /^(?:\p{Lu}\.?){2,5}$/u;
/** Whether `text` holds the acronym in capitals, with or without its dots ("US" in "the U.S. economy"). */
function acronymIn(acronym: string, text: string): boolean {
  const letters = acronym.replace(/\./g, "").split("");
  return new RegExp(`(?<![\\p{L}\\p{N}])${letters.join("\\.?")}\\.?(?![\\p{L}\\p{N}])`, "u").test(text);
}

/**
 * Share of the question's own names found in `text`, compared as stems: an inflected name
 * (Russian "Москвы", "Москве") is the same name. Without `numbers`, the question's numbers
 * are not counted among its names.
 */
export function namesShare(q: Question, text: string, numbers = true): number {
  const { lang } = q;
  const names = q.names.filter((n) => numbers || !NUMBER.test(n));
  if (names.length === 0) return 1;
  const have = new Set(words(undotted(text), lang).map((w) => stem(w, lang)));
  const holds = (name: string) => {
    const ws = words(undotted(name), lang);
    return ws.length > 0 && ws.every((w) => have.has(stem(w, lang)));
  };
  let found = 0;
  // "America" is in an article that says "the U.S."; "PM" in one that says "prime minister".
  // A variant of stop words only ("IN" for Indiana) is in any article: it counts as an
  // acronym in capitals ("US", "U.S."), or not at all.
  const variant = (v: string) =>
    ACRONYM.test(v) ? acronymIn(v, text) : words(v, lang).some((w) => !isStopWord(w, lang)) && holds(v);
  for (const n of names)
    if (holds(n) || writesNameOtherwise(n, text) || (readsWordNet(lang) && nameVariants(n).some(variant)))
      found++;
  return found / names.length;
}

/**
 * The sentence that names what was asked first, then the rest in the order they were chosen,
 * with a sentence that carries a list on ("Others in the picture include ...") right after
 * the one it continues.
 */
function answerOrder(chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const glued = new Set<Candidate>();
  for (const c of chosen) {
    if (glued.has(c)) continue;
    out.push(c);
    for (let lead = c; ;) {
      const next = chosen.find(
        (x) =>
          !glued.has(x) &&
          x !== lead &&
          !out.includes(x) &&
          follows(lead, x) &&
          CONTINUES.test(sentenceText(x.passage, x.sentence)),
      );
      if (!next) break;
      glued.add(next);
      out.push(next);
      lead = next;
    }
  }
  return out;
}

function sameSentence(a: Candidate, b: Candidate): boolean {
  return a.passage.articleId === b.passage.articleId && a.sentence.start === b.sentence.start;
}

/** Whether `b` is the sentence right after `a` in the same article. */
function follows(a: Candidate, b: Candidate): boolean {
  return (
    a.passage.articleId === b.passage.articleId &&
    b.sentence.start > a.sentence.end &&
    b.sentence.start - a.sentence.end <= 3
  );
}

function cite(
  chosen: Candidate[],
  opts: ExtractiveOptions,
  lang: string,
): Pick<AnswerResult, "answer" | "citations"> {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    // Sentences next to each other in one passage share a quote; others get their own.
    let cite = citations.find((x) => x.passageId === c.passage.id && adjacent(c.passage, x, c.sentence));
    if (!cite) {
      cite = {
        n: citations.length + 1,
        ...quoteAround(c.passage, c.sentence, opts.maxQuoteChars, lang),
      };
      citations.push(cite);
    } else {
      const widened = quoteAround(
        c.passage,
        { start: Math.min(cite.start, c.sentence.start), end: Math.max(cite.end, c.sentence.end) },
        opts.maxQuoteChars,
        lang,
      );
      Object.assign(cite, widened);
    }
    parts.push(`${sentenceText(c.passage, c.sentence)} [${cite.n}]`);
  }
  return { answer: parts.join(" "), citations };
}

/** Whether no sentence of the passage lies between a quote and a sentence. */
function adjacent(
  p: WithSentences,
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  const lo = Math.min(a.end, b.end);
  const hi = Math.max(a.start, b.start);
  return !(p.sentences ?? []).some((s) => s.start >= lo && s.end <= hi);
}

/** Sentence-final punctuation, perhaps inside closing quotes or brackets. */
// Full stops of every script the text layer reads: CJK 。！？, Devanagari danda, Arabic and Urdu.
const FINAL = /[.!?…。！？।॥؟۔]["'”’)\]」』）]*$/u;
/** Thai writes no full stop: a paragraph of it ends at a space or a line break. */
const UNPUNCTUATED = /\p{Script=Thai}/u;
/** A cross-link or note in brackets: "[Read: …]", "(Photo: …)", a CJK site's "【…版权…】" notice. */
const BRACKETED = /^[[(【［（].*[\])】］）]$/su;
const BYLINE = /^(?:by|von|par|por)\s+\p{Lu}/iu;
/** A short bracketed credit closing a paragraph: an agency, initials, a translator. */
const CREDIT = /\s*[([（][^()[\]（）\n]{1,40}[)\]）]$/u;

/**
 * Whether a sentence is prose that can answer: a paragraph that ends without a full stop is
 * a heading, a caption or a dateline ("CAIRO —"), a bracketed line a cross-link, and a
 * question ("¿Ómicron puede causar covid prolongada?") asks what the sentences after it answer.
 */
function isProse(p: WithSentences, s: { start: number; end: number }): boolean {
  const text = sentenceText(p, s);
  if (BRACKETED.test(text) || BYLINE.test(text)) return false;
  // The paragraph holding the sentence, as far as the passage shows it.
  const local = s.start - p.start;
  const lineEnd = p.text.indexOf("\n", local);
  const paragraphEnd = lineEnd < 0 ? p.text.length : lineEnd;
  const lineStart = p.text.lastIndexOf("\n", local) + 1;
  // A paragraph in brackets is a note or a notice ("【…未经授权，不得转载…】"), though its sentences are not;
  // a picture's caption ("Clockwise from top: …", in text stored before ingest dropped them) is no answer.
  const paragraph = p.text.slice(lineStart, paragraphEnd).trim();
  if (BRACKETED.test(paragraph) || isCaptionLine(paragraph) || asks(text.trim(), paragraph)) return false;
  // A credit after the last full stop ("… voraus. (bsc)", "(AP)", "（编译/林靖东）") is no heading's lack of one.
  const tail = p.text.slice(0, paragraphEnd).trimEnd().replace(CREDIT, "");
  if (lineEnd < 0 && paragraphEnd === p.text.length && !FINAL.test(tail))
    // The passage ends mid-paragraph (a long one cut on a sentence): judge the sentence alone.
    return (
      FINAL.test(text) ||
      text.split(/\s+/).length > 25 ||
      text.length > 150 ||
      (UNPUNCTUATED.test(text) && text.length > 40)
    );
  return FINAL.test(tail) || (UNPUNCTUATED.test(tail) && tail.length > 60);
}

/**
 * Whether a sentence only asks. One that states something first, inside a paragraph of other
 * sentences ("consider the following instance …: Is there a route of at most 2000 km …?"),
 * also tells; a heading's "Bebidas con beneficios: ¿de verdad funcionan?" does not.
 */
function asks(sentence: string, paragraph: string): boolean {
  return endsAsking(sentence) && (sentence === paragraph || !/[:：]\s/u.test(sentence));
}

/** Words a heading that states a fact has at most: "“Rez Infinite” ($30)". */
const FACT_HEADING_WORDS = 12;

/**
 * A heading that answers a typed question outright: short, holding every name the question
 * asks about and a new thing of the kind asked ("“Rez Infinite” ($30)" for "How much is Rez
 * Infinite?"), as list articles head each item with its price or date.
 */
function isFactHeading(q: Question, type: Question["type"], p: WithSentences, s: SentenceScore): boolean {
  if (type === "other" || q.names.length === 0) return false;
  const text = sentenceText(p, s).trim();
  if (
    text.split(/\s+/).length > FACT_HEADING_WORDS ||
    BRACKETED.test(text) ||
    BYLINE.test(text) ||
    asks(text, text)
  )
    return false;
  return namesShare(q, text, false) === 1 && holdsAnswerType(type, text, q, p.title);
}

/** The k-th sentence with the one before it and, in its paragraph, the one after (named-beside.ts). */
function besideOf(p: WithSentences, sentences: SentenceScore[], k: number): Omit<Beside, "names"> {
  const next = sentences[k + 1];
  const inParagraph = next && sameParagraph(p, sentences[k]!.end, next.start);
  return {
    text: sentenceText(p, sentences[k]!),
    ...(k > 0 ? { before: sentenceText(p, sentences[k - 1]!) } : {}),
    ...(inParagraph ? { nextInParagraph: sentenceText(p, next) } : {}),
  };
}

function sentenceText(p: WithSentences, s: { start: number; end: number }): string {
  return p.text.slice(s.start - p.start, s.end - p.start);
}

/**
 * Whether the k-th sentence answers in the form and of the kind asked, and its relevance with
 * what it takes from a sentence beside it: "She's the director of …" answers "Who is Katie
 * Allen?" through the sentence before, which names her; and who a quotation or an anonymous
 * lede beside it is about (named-beside.ts) answers a who-question, though named as who "said".
 */
function kindAt(
  q: Question,
  passage: WithSentences,
  sentences: SentenceScore[],
  k: number,
  matched: number,
): { form: boolean; typed: boolean; relevance: number } {
  const type = kindOf(q);
  let relevance = matched;
  const form = holdsFormAt(q, passage, sentences, k);
  if (form && FORM_IS_KIND.has(q.form) && k > 0)
    relevance = Math.max(relevance, sentences[k - 1]!.coverage * CONTEXT_DECAY);
  const typed =
    type !== "other" &&
    (FORM_IS_KIND.has(q.form)
      ? form
      : holdsAnswerType(type, sentenceText(passage, sentences[k]!), q, passage.title));
  if (type !== "person" || q.form !== "plain") return { form, typed, relevance };
  const beside = namedBeside({ ...besideOf(passage, sentences, k), names: typed }, (text) =>
    holdsAnswerType(type, text, q, passage.title),
  );
  if (!beside) return { form, typed, relevance };
  const other = sentences[beside === "next" ? k + 1 : k - 1]!;
  return { form, typed: true, relevance: Math.max(relevance, other.coverage * CONTEXT_DECAY) };
}

/**
 * Every sentence of the passages, scored. A sentence's relevance is its own match with the
 * question or, for a plain question, a little decayed, that of the sentences just before it in
 * the same article. For a typed question ("who", "when", ...), a sentence without a thing of
 * that type cannot be the answer, and relevance also reaches sentences linked to the best
 * matches by their other words (expandByFocus): the people at "the meeting" are often named
 * in a sentence that describes it without the word.
 */
function rankSentences(q: Question, passages: WithSentences[], opts: ExtractiveOptions): Candidate[] {
  const type = kindOf(q);
  const choice = opts.choice ?? loadChoiceModel();
  const rankOf = new Map(passages.map((p, i) => [p.id, i]));
  const names = articleNames(q, passages);
  const mostNames = Math.max(...names.values());
  const inOrder = [...passages].sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index,
  );
  const candidates: Candidate[] = [];
  // Typed questions reach context through expandByFocus instead.
  const decay = type === "other" ? CONTEXT_DECAY : 0;
  let carried = 0;
  let previous: WithSentences | undefined;
  for (const passage of inOrder) {
    const contiguous =
      previous !== undefined &&
      previous.articleId === passage.articleId &&
      previous.index + 1 === passage.index;
    if (!contiguous) carried = 0;
    previous = passage;
    const rank = rankOf.get(passage.id)!;
    const sentences = passage.sentences ?? [];
    for (const [k, sentence] of sentences.entries()) {
      let relevance = Math.max(sentence.coverage, carried);
      carried = Math.max(carried, sentence.coverage) * decay;
      // Headings, captions, datelines and cross-links pass their match on to what follows
      // (above), but are never an answer themselves.
      if (!isProse(passage, sentence) && !isFactHeading(q, type, passage, sentence)) continue;
      const kind = kindAt(q, passage, sentences, k, relevance);
      const { form, typed } = kind;
      relevance = kind.relevance;
      // Earlier passages won retrieval on more evidence than one sentence shows: a small edge.
      // An article that lacks names of the question that another article holds is about
      // something else ("Jacksonville" asked, a sentence about the United Kingdom read).
      const elsewhere = mostNames - names.get(passage.articleId)!;
      // Scored by the fitted sentence-choice weights (choice.ts), in CHOICE_FEATURES' order.
      const x = [
        relevance,
        Math.min(sentence.pairs, 3),
        typed ? 1 : 0,
        form && FORM_EDGE.has(q.form) ? 1 : 0,
        rank,
        elsewhere,
      ];
      const value = choiceScore(x, choice);
      candidates.push({ passage, rank, sentence, value, relevance, typed, form, named: elsewhere === 0, x });
    }
  }
  if (type !== "other") expandByFocus(candidates, opts);
  candidates.sort((a, b) => b.value - a.value);
  if (type !== "other") {
    // Typed sentences that match the question itself come first; sentences linked to it only
    // through its context compete with the rest.
    const bar = Math.max(
      opts.minCoverage,
      TYPED_FIRST_SHARE * Math.max(...candidates.map((c) => c.relevance)),
    );
    const first = (c: Candidate) => c.typed && c.named && c.relevance >= bar;
    const typed = candidates.filter(first);
    if (typed.length) return [...typed, ...candidates.filter((c) => !first(c))];
  }
  return candidates;
}

const NUMBER = /^[\p{N}\s.,:%°-]+$/u;

/** Each read article's share of the question's names (not its numbers), in its passages as read and its title. */
function articleNames(q: Question, passages: WithSentences[]): Map<string, number> {
  const ids = new Set(passages.map((p) => p.articleId));
  // Names only: a year or a count in the question is often context that another article shares.
  return new Map([...ids].map((id) => [id, namesShare(q, articleText(passages, id), false)]));
}

/**
 * Whether sentence `k` of `passage` answers in the form the question asks for (an answer rule's
 * verdict, rules/), read with the sentence before it in its paragraph; true for a plain question.
 */
function holdsFormAt(q: Question, passage: WithSentences, sentences: SentenceScore[], k: number): boolean {
  if (q.form === "plain") return true;
  const sentence = sentences[k]!;
  const prev = sentences[k - 1];
  const before =
    prev && sameParagraph(passage, prev.end, sentence.start) ? sentenceText(passage, prev) : undefined;
  return holdsForm(q, { text: sentenceText(passage, sentence), ...(before !== undefined ? { before } : {}) });
}

/** An article as read: its title and the text of its passages among those read. */
function articleText(passages: WithSentences[], articleId: string): string {
  const read = passages.filter((p) => p.articleId === articleId);
  return [read[0]?.title ?? "", ...read.map((p) => p.text)].join(" ");
}

/** A sentence of the asked type goes first only if it matches at least this share of the best match. */
const TYPED_FIRST_SHARE = 0.5;

/** A linked sentence scores at most this share of the best direct match. */
const LINK_WEIGHT = 0.7;
/** A sentence holding this share of the focus's other words (by weight) is fully linked. */
const FULL_LINK_SHARE = 0.15;
/** Sentences matching at least this share of the best match's coverage are the focus. */
const FOCUS_SHARE = 0.6;

/**
 * Local context analysis, per sentence: the sentences that match the question best ("the
 * meeting") are its focus; the other words they share ("sit down with opponents he has
 * jailed") describe the same event, so a sentence rich in those words ("sitting at an oval
 * table with prisoners including ...") is about it too, though it never repeats the question's
 * words.
 */
function expandByFocus(candidates: Candidate[], opts: ExtractiveOptions): void {
  if (candidates.length < 3) return;
  const bags = candidates.map((c) => new Set(terms(sentenceText(c.passage, c.sentence))));
  const best = Math.max(...candidates.map((c) => c.sentence.coverage));
  if (best < opts.minCoverage) return;
  const focus = candidates.map((c) => c.sentence.coverage >= Math.max(opts.minCoverage, FOCUS_SHARE * best));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const nFocus = focus.filter(Boolean).length;
  const weight = new Map<string, number>();
  focus.forEach((f, i) => {
    if (!f) return;
    for (const t of bags[i]!) {
      if (candidates[i]!.sentence.matched.includes(t)) continue;
      const d = df.get(t)!;
      if (d <= 1) continue; // only in this focus sentence: links to nothing
      weight.set(t, (weight.get(t) ?? 0) + Math.log(n / d) / nFocus);
    }
  });
  const scores = bags.map((bag, i) => {
    if (focus[i]) return 0;
    let x = 0;
    for (const t of bag) x += weight.get(t) ?? 0;
    return x / Math.sqrt(bag.size || 1);
  });
  // Scaled to the best-linked sentence that could hold the answer, not to a short heading
  // made of the same words.
  const top = Math.max(...scores.filter((_, i) => candidates[i]!.typed));
  if (top <= 0) return;
  let totalWeight = 0;
  for (const w of weight.values()) totalWeight += w;
  candidates.forEach((c, i) => {
    // A sentence that shares one word of a long description is linked only weakly.
    let share = 0;
    for (const t of bags[i]!) share += weight.get(t) ?? 0;
    const strength = Math.min(1, share / totalWeight / FULL_LINK_SHARE);
    const linked = LINK_WEIGHT * best * Math.min(1, scores[i]! / top) * strength;
    if (linked > c.relevance) {
      c.value += linked - c.relevance;
      c.relevance = linked;
    }
  });
}

/** Openings that carry a list on from the sentence before: "Others in the picture include ...". */
const CONTINUES =
  /^(?:others?|also|another|among (?:them|others)|alongside|joining|together with|they were joined|as well as|in addition)\b/i;

/**
 * A typed answer's list often runs on into the next sentence ("... with prisoners including
 * Viktor Babaryko. Others in the picture include Liliya Vlasova and Vitali Shkliarov."). Such a
 * sentence is the same answer, so it joins a chosen one, taking the place of the weakest pick.
 */
function addContinuations(
  chosen: Candidate[],
  candidates: Candidate[],
  type: Question["type"],
  max: number,
): void {
  if (type === "other") return;
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    const next = candidates.find((x) => follows(c, x));
    if (!next || !next.typed || chosen.some((x) => sameSentence(x, next))) continue;
    if (!CONTINUES.test(sentenceText(next.passage, next.sentence))) continue;
    if (chosen.length >= max) {
      // Give up the weakest pick that is not the best one nor this sentence's lead.
      const weakest = chosen.findLastIndex((x, j) => j > 0 && j !== i);
      if (weakest < 0) continue;
      chosen.splice(weakest, 1);
      if (weakest < i) i--;
    }
    chosen.splice(i + 1, 0, next);
  }
}

const CONTEXT_DECAY = 0.85;

/** Whether no line break falls between two article offsets of a passage. */
function sameParagraph(p: WithSentences, from: number, to: number): boolean {
  return !p.text.slice(from - p.start, to - p.start).includes("\n");
}

/**
 * A quote: the sentences that carry the claim, with the sentence before when they lean on it
 * ("He said ...") and never more than one sentence either side, within `max` characters.
 */
function quoteAround(
  p: WithSentences,
  span: { start: number; end: number },
  max: number,
  lang: string,
): Omit<Citation, "n"> {
  let start = span.start;
  let end = span.end;
  const sentences = p.sentences ?? [];
  const i = sentences.findIndex((s) => s.end > start);
  // The sentence before when this one leans on it ("He said ..."): without it the quote names
  // no one. It comes before the sentence after, which only may hold the answer.
  const prev = i > 0 ? sentences[i - 1] : undefined;
  const first = sentences[i];
  if (
    prev &&
    first &&
    sameParagraph(p, prev.end, first.start) &&
    leansBack(sentenceText(p, first), lang) &&
    isProse(p, prev) &&
    end - prev.start <= max
  )
    start = prev.start;
  // The sentence after: the answer often follows the sentence that matches the question
  // ("... to reach Acre. But a storm dispersed the fleet.").
  const j = sentences.findIndex((s) => s.start >= end);
  const next = j >= 0 ? sentences[j] : undefined;
  if (next && sameParagraph(p, span.end, next.start) && isProse(p, next) && next.end - start <= max)
    end = next.end;
  return {
    articleId: p.articleId,
    title: p.title,
    url: p.url,
    quote: p.text.slice(start - p.start, end - p.start),
    start,
    end,
    passageId: p.id,
  };
}

/**
 * Every candidate sentence for `question` with its sentence-choice features, as the answerer
 * scores them (for scripts/fit-choice.ts).
 */
export function choiceCandidates(
  question: string,
  passages: RetrievedPassage[],
  query?: QueryTerms,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): Array<{ text: string; articleId: string; x: number[] }> {
  const q = readQuestion(question, query?.lang ?? identifyLanguage(question));
  const read = (passages as WithSentences[]).slice(0, opts.passages);
  return rankSentences(q, read, opts).map((c) => ({
    text: sentenceText(c.passage, c.sentence),
    articleId: c.passage.articleId,
    x: c.x,
  }));
}
