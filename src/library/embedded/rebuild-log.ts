/**
 * What the operator reads when a library's vector index changes kind (flat <-> graph): a
 * rebuild can take a while at a large size, so the log says what is happening and what still
 * answers meanwhile.
 */
import type { Logger } from "../../logger.ts";
import type { VectorIndexParams } from "./vector-index.ts";

/** An `onRebuild` callback that logs each rebuild event to `logger`. */
export function logIndexRebuilds(logger: Logger): NonNullable<VectorIndexParams["onRebuild"]> {
  return ({ from, to, passages, ms, background, error }) => {
    if (error !== undefined)
      logger.error(
        { from, to, passages, err: error },
        `Building a library's ${to} index failed; it goes on answering from the ${from} index, and the next open tries again`,
      );
    else if (ms !== undefined) logger.info({ from, to, passages, ms }, "Vector index rebuilt");
    else if (background)
      logger.warn(
        { from, to, passages },
        `Building a library's ${to} index for ${passages} passages in the background (about a millisecond a passage); it answers from the ${from} index meanwhile`,
      );
    else
      logger.warn(
        { from, to, passages },
        `Rebuilding a library's vector index as ${to} for ${passages} passages; the first open after it crosses VECTOR_INDEX's size line does this once`,
      );
  };
}
