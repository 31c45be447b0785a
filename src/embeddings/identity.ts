/**
 * Which embeddings built a library's vectors. Vectors from different embeddings are not
 * comparable, so every backend records this with its libraries and refuses to open them with
 * other embeddings (`footnote reindex` re-embeds instead).
 */

/** The provider, model and width that made a set of vectors. */
export interface EmbeddingIdentity {
  provider: string;
  model: string;
  dimensions: number;
}

/** Whether vectors made by `a` and `b` can be compared. */
export function sameIdentity(a: EmbeddingIdentity, b: EmbeddingIdentity): boolean {
  return a.provider === b.provider && a.model === b.model && a.dimensions === b.dimensions;
}

/** How an error message or a start-up line names the embeddings. */
export function describeIdentity(i: EmbeddingIdentity): string {
  return `${i.provider} embeddings "${i.model}" (${i.dimensions} dimensions)`;
}
