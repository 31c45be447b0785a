/** Prompt files live in prompts/ so they can be read and tuned without touching code. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);

/** The prompts there are, each a file prompts/<name>.md. */
export type PromptName = "answer.system" | "answer.user" | "summary.system" | "summary.user";

const cache = new Map<PromptName, string>();

/** The text of prompts/<name>.md, read once per process. */
export function loadPrompt(name: PromptName): string {
  let text = cache.get(name);
  if (text === undefined) {
    const url = new URL(`${name}.md`, PROMPTS_DIR);
    try {
      text = readFileSync(url, "utf8");
    } catch (error) {
      throw new Error(
        `Cannot read the prompt file ${fileURLToPath(url)}: is the prompts/ folder installed next to src/?`,
        { cause: error },
      );
    }
    cache.set(name, text);
  }
  return text;
}
