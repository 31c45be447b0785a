/** `footnote chat`: a question-and-answer loop in the terminal, with the bot's commands. */
import readline from "node:readline/promises";
import { userMessage } from "../errors.ts";
import type { Footnote } from "../types.ts";
import { renderAnswerText } from "../answer/render-text.ts";

export async function runChat(
  footnote: Footnote,
  libraryId: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const rl = readline.createInterface({
    input,
    output,
    terminal: (input as { isTTY?: boolean }).isTTY === true,
  });
  const say = (text: string) => output.write(`${text}\n`);
  say(
    `footnote — library "${libraryId}". Ask a question, or: /ingest <url or file path>, /list, /forget <id>, /quit`,
  );
  try {
    for (;;) {
      let line: string;
      try {
        line = (await rl.question("> ")).trim();
      } catch {
        break; // input closed
      }
      if (!line) continue;
      if (line === "/quit" || line === "/exit") break;
      try {
        const [command, ...rest] = line.split(/\s+/);
        const arg = rest.join(" ");
        if (command === "/ingest") {
          if (!arg) {
            say("Usage: /ingest <url or file path>");
            continue;
          }
          const { readFile } = await import("node:fs/promises");
          const source = /^https?:\/\//i.test(arg)
            ? { kind: "url" as const, url: arg }
            : {
                kind: "file" as const,
                bytes: new Uint8Array(
                  await readFile(arg).catch(() => {
                    throw new Error(`No such file: ${arg}`);
                  }),
                ),
                filename: arg,
              };
          const r = await footnote.ingest(libraryId, source);
          say(
            r.duplicate
              ? `Already stored: ${r.title} (id ${r.id})`
              : `Stored: ${r.title} (id ${r.id}, ${r.chunks} passages)`,
          );
        } else if (command === "/list") {
          const articles = await footnote.list(libraryId);
          say(
            articles.length
              ? articles.map((a) => `${a.id}  ${a.title}`).join("\n")
              : "No articles yet: /ingest <url>",
          );
        } else if (command === "/forget") {
          say(
            (await footnote.forget(libraryId, arg))
              ? `Forgot ${arg}.`
              : `No article "${arg}" here; /list shows the ids.`,
          );
        } else {
          say(renderAnswerText(await footnote.ask(libraryId, line)));
        }
      } catch (error) {
        say(
          error instanceof Error && !("code" in error) && error.message.startsWith("No such file")
            ? error.message
            : userMessage(error),
        );
      }
    }
  } finally {
    rl.close();
  }
}
