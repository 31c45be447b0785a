/**
 * Generated articles for the reliability tests: each article number `n` gives the same text
 * every time, in any process, with a few invented words no other article contains, so a
 * question built from them can only be answered from that article.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomInt = (next: () => number, min: number, max: number) =>
  min + Math.floor(next() * (max - min + 1));

// Consonant + vowel syllables; words end in a, o, u or i so that stemming leaves them whole.
const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aoui";
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/** A pronounceable invented word, unique for each (n, slot). */
export function inventedWord(n: number, slot: number): string {
  let x = n * 8 + slot;
  let word = "";
  for (let i = 0; i < 4; i++) {
    word += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  // A fixed head keeps the words long enough for the n-gram features, and a tail for slot.
  return `${SYLLABLES[(slot * 7 + 3) % SYLLABLES.length]}${word}${x > 0 ? SYLLABLES[x % SYLLABLES.length] : ""}`;
}

const FILLER = (
  "the council met again on tuesday to discuss the budget for roads and schools while residents " +
  "waited outside in the cold rain and several reporters asked about delays to the new bridge over " +
  "the river which engineers said would open next spring after inspections of the steel frame and " +
  "the concrete supports that were poured during the long dry summer months of last year"
).split(" ");

export interface GeneratedArticle {
  n: number;
  title: string;
  text: string;
  /** A question only this article answers. */
  question: string;
  /** The words of the answer. */
  answer: string;
}

export function articleTitle(n: number): string {
  return `Dispatch ${n}: the ${inventedWord(n, 0)} vault`;
}

/** The article number from a title made by articleTitle. */
export function articleNumber(title: string): number | undefined {
  const m = /^Dispatch (\d+):/.exec(title);
  return m ? Number(m[1]) : undefined;
}

/** 3 to 8 paragraphs of 450–650 characters: one passage each. */
export function makeArticle(n: number): GeneratedArticle {
  const next = rng(n * 7919 + 17);
  const vault = inventedWord(n, 0);
  // A person's name, capitalised as one: a "who" question is answered by a name.
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const keeper = `${capital(inventedWord(n, 1))} ${capital(inventedWord(n, 2))}`;
  const place = inventedWord(n, 3);
  const paragraphs: string[] = [];
  const count = randomInt(next, 3, 8);
  const factAt = randomInt(next, 0, count - 1);
  for (let p = 0; p < count; p++) {
    const target = randomInt(next, 450, 620);
    const sentences: string[] = [];
    if (p === factAt)
      sentences.push(`The ${vault} vault in ${place} was guarded by ${keeper} for many years.`);
    sentences.push(
      `In ${inventedWord(n, 4 + (p % 4))}${p} the reporters wrote paragraph ${p + 1} of dispatch ${n}.`,
    );
    let length = sentences.join(" ").length;
    while (length < target) {
      const words = Array.from(
        { length: randomInt(next, 8, 16) },
        () => FILLER[Math.floor(next() * FILLER.length)]!,
      );
      const sentence = `${words.join(" ")}.`;
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1));
      length += sentence.length + 1;
    }
    paragraphs.push(sentences.join(" "));
  }
  return {
    n,
    title: articleTitle(n),
    text: paragraphs.join("\n\n"),
    question: `Who guarded the ${vault} vault in ${place}?`,
    answer: keeper,
  };
}
