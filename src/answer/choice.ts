/**
 * Sentence choice: how a candidate sentence is scored against the others, a linear score over a
 * few features, its weights fitted by scripts/fit-choice.ts (a logistic model of "this sentence
 * holds the gold answer", article-grouped cross-validation) and kept in choice-model.json beside
 * this file. The weights are scaled so that `relevance` weighs 1: the answerer compares scores
 * as shares of the best one, on the scale of the question's weight a sentence holds.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

/** The features, in the model's order. */
export const CHOICE_FEATURES = [
  /** Share of the question's weight the sentence holds (or reaches through the sentences before it). */
  "relevance",
  /** Pairs of the question's words side by side in it, up to 3. */
  "pairs",
  /** 1 when it holds a thing of the kind asked (typed questions only). */
  "typed",
  /** 1 when it answers in the form asked, where the form only gives an edge ("the name of X", "what kind of X"). */
  "form",
  /** Its passage's rank in retrieval (0 for the top one). */
  "rank",
  /** Share of the question's names its article lacks that another article read holds. */
  "elsewhere",
] as const;

export type ChoiceFeature = (typeof CHOICE_FEATURES)[number];

const ChoiceSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  fitted: z.string().optional(),
});
export type ChoiceModel = z.infer<typeof ChoiceSchema>;

const MODEL_URL = new URL("./choice-model.json", import.meta.url);
let model: ChoiceModel | undefined;

/** The weights in choice-model.json, read once; throws when they were fitted on other features. */
export function loadChoiceModel(): ChoiceModel {
  if (model) return model;
  const parsed = ChoiceSchema.parse(JSON.parse(readFileSync(MODEL_URL, "utf8")));
  if (parsed.features.join(",") !== CHOICE_FEATURES.join(","))
    throw new Error(
      `src/answer/choice-model.json was fitted on other features (${parsed.features.join(",")}); run scripts/fit-choice.ts --write.`,
    );
  model = parsed;
  return model;
}

/** A candidate sentence's score: the weighted sum of its features (in CHOICE_FEATURES' order). */
export function choiceScore(x: readonly number[], m: ChoiceModel = loadChoiceModel()): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += m.weights[i]! * x[i]!;
  return s;
}
