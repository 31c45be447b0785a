import type { Turn } from "../../src/conversation/types.ts";

/** A conversation turn for tests: an answered question about article "a1", with `o` over it. */
export const turn = (o: Partial<Turn>): Turn => ({
  question: "",
  resolved: o.question ?? "",
  answer: "",
  abstained: false,
  articleIds: ["a1"],
  entities: [],
  at: 0,
  ...o,
});
