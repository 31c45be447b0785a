/** `/start` and `/help`: what the bot does, in a few lines. */
import { Composer, type Context } from "grammy";
import { isPrivateChat } from "../addressing.ts";

export function helpText(ctx: Context): string {
  const asking = isPrivateChat(ctx)
    ? "Then just ask a question here."
    : `Then ask with /ask <question>, by mentioning @${ctx.me.username}, or by replying to one of my messages.`;
  return [
    "I answer questions about the articles you give me, citing the passages I used.",
    "Add an article with /ingest <link>, /ingest followed by pasted text, or /ingest as a reply to a message or a .txt/.html/.md/.pdf file.",
    asking,
    "/list shows this chat's articles; /forget <id> removes one.",
  ].join("\n");
}

export function helpFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(["start", "help"], (ctx) =>
    ctx.reply(helpText(ctx), { link_preview_options: { is_disabled: true } }),
  );
  return composer;
}
