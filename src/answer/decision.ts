/**
 * Whether to answer: one calibrated decision over a few general features of the evidence
 * (what the best sentences hold, not how many question words they share), a logistic model
 * fitted by scripts/fit-confidence.ts and kept in confidence-model.json beside this file, with
 * its threshold chosen there for a stated false-abstention rate.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

/** The features, in the model's order. Each is 0..1. */
export const FEATURES = [
  /** Share of the question's IDF weight in the best sentence itself. */
  "coverage",
  /** The same, reached through context (the sentences around it, or ones linked to the best matches). */
  "relevance",
  /** The rarest question word missing from the best sentence and its neighbours, as a share of the question's rarest. */
  "missing",
  /** Share of the question's own names (people, places, organisations, numbers) in the best sentence and its neighbours. */
  "namesNear",
  /** 1 when the question asks for a kind of thing (who, when, how many, which X). */
  "typedQuestion",
  /** 1 when it does and the best sentence holds a thing of that kind that the question does not. */
  "typed",
  /**
   * 1 when the question is negated and the best sentence is not: "What can not solve …?"
   * matched to "algorithms can solve …" asks the opposite of what the sentence says.
   */
  "negatedQuestion",
  /** 1 when the best sentence is negated and the question is not (often a paraphrase: "failed to"). */
  "negatedSentence",
  /** Pairs of the question's words found side by side in the best sentence (0, 1/3, 2/3, 1). */
  "pairs",
  /** How many content words the question has: a long question matched says more than a short one. */
  "terms",
  /** 1 when the best sentence comes from retrieval's top passage: the two rankings agree. */
  "fromTop",
  /** Share of the question's own names found anywhere in the best sentence's article (as retrieved) or its title. */
  "names",
  /**
   * 1 when the best sentence holds the opposite of a question word instead of the word
   * ("open" against "closed", WordNet's antonyms; English only): it says something else.
   */
  "opposed",
  /**
   * 1 when an English "how many X" question's best sentence has no number with X a few words
   * after it (counted.ts): it may count something else.
   */
  "countedApart",
] as const;

/** One of the FEATURES. */
export type Feature = (typeof FEATURES)[number];
/** The evidence a decision is taken on: a value (0..1) for every feature. */
export type Evidence = Record<Feature, number>;

const ModelSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  threshold: z.number(),
  fitted: z.string().optional(),
});
/** A fitted logistic model: a weight per feature, a bias, and the probability it answers at. */
export type ConfidenceModel = z.infer<typeof ModelSchema>;

const MODEL_URL = new URL("./confidence-model.json", import.meta.url);
let model: ConfidenceModel | undefined;

/**
 * The model in confidence-model.json, read once; throws when it was fitted on other features
 * than FEATURES.
 */
export function loadModel(): ConfidenceModel {
  if (model) return model;
  const parsed = ModelSchema.parse(JSON.parse(readFileSync(MODEL_URL, "utf8")));
  const names = FEATURES.join(",");
  if (parsed.features.join(",") !== names || parsed.weights.length !== FEATURES.length)
    throw new Error(
      `src/answer/confidence-model.json was fitted on other features (${parsed.features.join(",")}); run scripts/fit-confidence.ts again.`,
    );
  model = parsed;
  return model;
}

/** The model's probability that the articles hold the answer. */
export function answerProbability(e: Evidence, m: ConfidenceModel = loadModel()): number {
  let z = m.bias;
  FEATURES.forEach((f, i) => (z += m.weights[i]! * e[f]));
  return 1 / (1 + Math.exp(-z));
}
