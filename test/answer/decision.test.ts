/** The decision to answer or abstain: the fitted model in confidence-model.json, and how it is read. */
import { describe, expect, it } from "vitest";
import {
  FEATURES,
  answerProbability,
  loadModel,
  type ConfidenceModel,
  type Evidence,
} from "../../src/answer/decision.ts";

const nothing = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Evidence;

/** A sentence that holds all of a typed question, its names, and the kind of thing asked. */
const strong: Evidence = {
  ...nothing,
  coverage: 1,
  relevance: 1,
  namesNear: 1,
  typedQuestion: 1,
  typed: 1,
  pairs: 1,
  terms: 4,
  fromTop: 1,
  names: 1,
};

const answers = (e: Evidence) => answerProbability(e) >= loadModel().threshold;

describe("the fitted model", () => {
  it("is fitted on the features in their order, with a threshold between 0 and 1, and read once", () => {
    const model = loadModel();
    expect(model.features).toEqual([...FEATURES]);
    expect(model.weights).toHaveLength(FEATURES.length);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(loadModel()).toBe(model);
  });

  it("abstains when no evidence holds anything of the question", () => {
    expect(answerProbability(nothing)).toBeLessThan(0.1);
    expect(answers(nothing)).toBe(false);
  });

  it("answers when the best sentence holds the question, its names and the kind of thing asked", () => {
    expect(answers(strong)).toBe(true);
  });

  it("abstains when the sentence says the opposite, the question is negated, or the names are elsewhere", () => {
    expect(answers({ ...strong, opposed: 1 })).toBe(false);
    expect(answers({ ...strong, negatedQuestion: 1 })).toBe(false);
    expect(answers({ ...strong, names: 0, namesNear: 0 })).toBe(false);
  });

  it("is more confident the more of the question's names the evidence holds", () => {
    const ps = [0, 0.5, 1].map((names) => answerProbability({ ...strong, names, namesNear: names }));
    expect(ps[0]).toBeLessThan(ps[1]!);
    expect(ps[1]).toBeLessThan(ps[2]!);
  });
});

describe("answerProbability", () => {
  /** A model that weighs only `coverage`, by 4, around a bias of -2. */
  const coverageOnly: ConfidenceModel = {
    features: [...FEATURES],
    weights: FEATURES.map((f) => (f === "coverage" ? 4 : 0)),
    bias: -2,
    threshold: 0.5,
  };

  it("is the logistic function of the bias plus the weighted features", () => {
    expect(answerProbability({ ...nothing, coverage: 0.5 }, coverageOnly)).toBe(0.5);
    expect(answerProbability(nothing, coverageOnly)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(answerProbability({ ...nothing, coverage: 1 }, coverageOnly)).toBeCloseTo(
      1 / (1 + Math.exp(-2)),
      12,
    );
  });

  it("rises with the weighted score and stays between 0 and 1", () => {
    const ps = [0, 0.25, 0.5, 0.75, 1].map((coverage) =>
      answerProbability({ ...nothing, coverage }, coverageOnly),
    );
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]!);
    for (const p of ps) expect(p > 0 && p < 1).toBe(true);
  });
});
