/**
 * A deterministic synthetic corpus of article-like text for the benchmark: the same seed
 * gives the same articles, byte for byte, on every machine.
 *
 * Words follow a Zipf distribution over a vocabulary whose head is real English function
 * words (so, as in real text, about 40% of the tokens are stop words the retriever drops) and
 * whose tail is ~30,000 pronounceable pseudo-words, some inflected (-s, -ed, -ing) so stemming
 * matters. Sentences of 8–30 words carry named entities (each article has a few that recur,
 * as a news story does) and numbers (years, amounts, percentages); paragraphs have 2–6
 * sentences, articles 5–40 paragraphs, and some articles open with a byline and a dateline
 * or carry an "Advertisement" label, so the cleaner has its usual work to do.
 *
 * Questions are taken from sentences of the corpus (a reservoir sample, so they spread over
 * the whole library) and paraphrased: a question word in front, stop words mostly dropped,
 * some content words dropped, adjacent words swapped.
 */

/** sfc32: small, fast, good enough for a benchmark, and seedable. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

// Common English function words, roughly in frequency order: the head of the Zipf curve.
const FUNCTION_WORDS = (
  "the of and to a in that is was he for it with as his on be at by had are but from or " +
  "have an they which one you were her all she there would their we him been has when who " +
  "will more no if out so said what up its about into than them can only other new some could " +
  "time these two may then do first any my now such like our over man me even most made after " +
  "also did many before must through back years where much your way well down should because " +
  "each just those people how too little state good very make world still own see men work long " +
  "get here between both life being under never day same another know while last might us great " +
  "old year off come since against go came right used take three"
).split(" ");

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
  "b",
  "d",
  "l",
  "m",
  "n",
  "r",
  "s",
  "t",
  "br",
  "ch",
  "cl",
  "dr",
  "fl",
  "gr",
  "pl",
  "pr",
  "sh",
  "st",
  "th",
  "tr",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "y"];
const CODAS = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x", "ng"];

export interface CorpusOptions {
  seed?: number;
  vocabulary?: number;
  entities?: number;
  /** Zipf exponent of the word distribution. */
  zipf?: number;
}

export interface Article {
  title: string;
  text: string;
}

export class Corpus {
  readonly vocab: string[];
  private readonly cdf: Float64Array;
  private readonly people: string[];
  private readonly places: string[];
  private readonly orgs: string[];
  private readonly rng: Rng;
  /** A separate stream for the question sample, so sampling never changes the corpus. */
  private readonly sampleRng: Rng;
  private readonly reservoir: string[] = [];
  private reservoirSize = 0;
  private seen = 0;

  constructor(opts: CorpusOptions = {}) {
    const seed = opts.seed ?? 20240601;
    const vocabulary = opts.vocabulary ?? 30_000;
    const entities = opts.entities ?? 6_000;
    const s = opts.zipf ?? 1.0;
    this.rng = new Rng(seed);
    this.sampleRng = new Rng(seed ^ 0x5bd1e995);
    const gen = new Rng(seed ^ 0x1234567);

    const taken = new Set<string>(FUNCTION_WORDS);
    const pseudo = (syllables: number): string => {
      for (;;) {
        let w = "";
        for (let i = 0; i < syllables; i++)
          w +=
            gen.pick(ONSETS) +
            gen.pick(VOWELS) +
            (i === syllables - 1 || gen.chance(0.15) ? gen.pick(CODAS) : "");
        if (w.length >= 3 && !taken.has(w)) {
          taken.add(w);
          return w;
        }
        syllables = Math.min(5, syllables + (gen.chance(0.2) ? 1 : 0));
      }
    };
    this.vocab = [...FUNCTION_WORDS];
    while (this.vocab.length < vocabulary) {
      // Frequent words are short, rare ones long, as in real language.
      const rank = this.vocab.length;
      const syllables = rank < 400 ? 1 : rank < 4000 ? gen.int(1, 2) : rank < 15000 ? 2 : gen.int(2, 3);
      this.vocab.push(pseudo(syllables));
    }
    this.cdf = new Float64Array(vocabulary);
    let total = 0;
    for (let r = 0; r < vocabulary; r++) {
      total += 1 / Math.pow(r + 1, s);
      this.cdf[r] = total;
    }
    for (let r = 0; r < vocabulary; r++) this.cdf[r]! /= total;

    const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    const orgKinds = [
      "Institute",
      "Council",
      "Group",
      "Bank",
      "University",
      "Agency",
      "Party",
      "Company",
      "Foundation",
      "Ministry",
    ];
    this.people = Array.from({ length: entities }, () => `${cap(pseudo(2))} ${cap(pseudo(gen.int(2, 3)))}`);
    this.places = Array.from({ length: Math.floor(entities / 3) }, () => cap(pseudo(gen.int(2, 3))));
    this.orgs = Array.from(
      { length: Math.floor(entities / 3) },
      () => `${cap(pseudo(2))} ${gen.pick(orgKinds)}`,
    );
  }

  private word(): string {
    const u = this.rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const w = this.vocab[lo]!;
    if (lo >= FUNCTION_WORDS.length && this.rng.chance(0.15))
      return w + this.rng.pick(["s", "ed", "ing", "er"]);
    return w;
  }

  private number(): string {
    switch (this.rng.int(0, 4)) {
      case 0:
        return String(this.rng.int(1900, 2025));
      case 1:
        return `${this.rng.int(1, 99)}.${this.rng.int(0, 9)} million`;
      case 2:
        return `${this.rng.int(1, 99)}%`;
      case 3:
        return this.rng.int(2, 9999).toLocaleString("en");
      default:
        return `${this.rng.int(1, 28)} ${this.rng.pick(["January", "March", "May", "July", "September", "November"])}`;
    }
  }

  private sentence(cast: string[]): string {
    const n = this.rng.int(8, 30);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    // Entities and numbers replace words at random positions (one entity counts as one slot).
    if (this.rng.chance(0.6))
      out[this.rng.int(0, n - 1)] = this.rng.chance(0.75) ? this.rng.pick(cast) : this.entity();
    if (this.rng.chance(0.3)) out[this.rng.int(0, n - 1)] = this.number();
    if (n > 14 && this.rng.chance(0.4)) out[this.rng.int(4, n - 6)] += ",";
    let s = out.join(" ");
    s = s[0]!.toUpperCase() + s.slice(1);
    const end = this.rng.next();
    s += end < 0.94 ? "." : end < 0.97 ? "?" : "!";
    if (this.rng.chance(0.05)) s = `“${s}”`;
    return s;
  }

  private entity(): string {
    const k = this.rng.next();
    return k < 0.5
      ? this.rng.pick(this.people)
      : k < 0.75
        ? this.rng.pick(this.places)
        : this.rng.pick(this.orgs);
  }

  /** Up to `keep` sentences sampled uniformly from everything generated so far. */
  private sample(sentence: string): void {
    this.seen++;
    if (this.reservoir.length < this.reservoirSize) this.reservoir.push(sentence);
    else {
      const j = Math.floor(this.sampleRng.next() * this.seen);
      if (j < this.reservoirSize) this.reservoir[j] = sentence;
    }
  }

  /** Keep a uniform sample of `size` sentences of the articles generated from now on. */
  startSampling(size: number): void {
    this.reservoirSize = size;
  }

  sampledSentences(): string[] {
    return [...this.reservoir];
  }

  /** One article; `paragraphs` fixes its length (default 5–40). */
  article(paragraphs = this.rng.int(5, 40)): Article {
    const cast = Array.from({ length: this.rng.int(3, 6) }, () => this.entity());
    const titleWords = Array.from({ length: this.rng.int(3, 8) }, () => this.word());
    titleWords[this.rng.int(0, titleWords.length - 1)] = cast[0]!;
    const title = titleWords.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
    const lines: string[] = [];
    if (this.rng.chance(0.3)) lines.push(`By ${this.rng.pick(this.people)}`);
    if (this.rng.chance(0.3))
      lines.push(
        `${this.rng.pick(["March", "June", "October"])} ${this.rng.int(1, 28)}, ${this.rng.int(2001, 2025)}`,
      );
    for (let p = 0; p < paragraphs; p++) {
      const sentences: string[] = [];
      for (let i = this.rng.int(2, 6); i > 0; i--) {
        const s = this.sentence(cast);
        sentences.push(s);
        if (this.reservoirSize > 0) this.sample(s);
      }
      lines.push(sentences.join(" "));
      if (p === 3 && this.rng.chance(0.1)) lines.push("Advertisement");
    }
    return { title, text: lines.join("\n\n") };
  }
}

const QUESTION_OPENERS = [
  "What",
  "Who",
  "When",
  "Where",
  "Why",
  "How",
  "Which",
  "What did",
  "Who was",
  "How many",
  "Tell me about",
];
const STOP = new Set(FUNCTION_WORDS);

/**
 * A question paraphrased from a corpus sentence: a question word in front, most stop words and
 * a quarter of the content words dropped, one or two adjacent pairs swapped.
 */
export function paraphrase(sentence: string, rng: Rng): string {
  const tokens = sentence
    .replace(/[“”.?!,]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  let kept = tokens.filter((t) => (STOP.has(t.toLowerCase()) ? rng.chance(0.2) : rng.chance(0.75)));
  if (kept.filter((t) => !STOP.has(t.toLowerCase())).length < 3) {
    const content = tokens.filter((t) => !STOP.has(t.toLowerCase()));
    // A sentence of (almost) only function words: ask with what it has.
    kept = content.length >= 3 ? content.slice(0, 6) : tokens.slice(0, 8);
  }
  for (let swaps = rng.int(1, 2); swaps > 0 && kept.length > 2; swaps--) {
    const i = rng.int(0, kept.length - 2);
    [kept[i], kept[i + 1]] = [kept[i + 1]!, kept[i]!];
  }
  if (kept.length > 12) kept = kept.slice(0, 12);
  const body = kept.join(" ");
  return `${rng.pick(QUESTION_OPENERS)} ${body[0]!.toLowerCase()}${body.slice(1)}?`;
}
