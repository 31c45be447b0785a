/**
 * The article a conversation is about ("What is this article about?", "tl;dr", /summary with
 * no id): the article its last answer came from, unless an article was added since, which is
 * then the one in focus; with neither, the newest article of the library.
 */
import type { ConversationKey, ConversationStore } from "../conversation/types.ts";
import type { Footnote } from "../types.ts";

export async function articleInFocus(
  footnote: Pick<Footnote, "list">,
  store: Pick<ConversationStore, "recent">,
  key: ConversationKey,
  libraryId: string,
): Promise<string | undefined> {
  const articles = await footnote.list(libraryId);
  if (articles.length === 0) return undefined;
  const newest = articles.reduce((a, b) => (Date.parse(b.createdAt) >= Date.parse(a.createdAt) ? b : a));
  const last = (await store.recent(key)).findLast((t) => t.articleIds.length > 0);
  const lastId = last?.articleIds[0];
  if (last && lastId && last.at >= Date.parse(newest.createdAt) && articles.some((a) => a.id === lastId))
    return lastId;
  return newest.id;
}
