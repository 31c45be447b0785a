/**
 * HTML escaping, for both places where text meets markup: Telegram's HTML messages and the chat
 * model's prompt, whose passages sit between tags of their own.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Escapes `&`, `<`, `>` and, unless `quotes` is false, `"`: the characters Telegram's HTML
 * parser treats specially. Text between tags needs no `"` escaped, so a prompt's passages keep
 * their quotation marks as written.
 */
export function escapeHtml(text: string, { quotes = true }: { quotes?: boolean } = {}): string {
  return text.replace(quotes ? /[&<>"]/g : /[&<>]/g, (c) => ESCAPES[c] ?? c);
}
