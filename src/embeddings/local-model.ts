/**
 * The built-in embedder's defaults, apart from its code (local.ts): knowing a library's
 * identity does not need the tokenizers and stemmers that making a vector does.
 */

/** The built-in embedder's width unless EMBEDDINGS_DIMENSIONS says otherwise. */
export const LOCAL_DEFAULT_DIMENSIONS = 256;
