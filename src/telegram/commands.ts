import { DEFAULT_LOCALE, translator } from "./i18n.ts";

/** The command menu, registered with setMyCommands and used to tell our commands from other bots'. */
export const COMMAND_LIST = [
  "ask",
  "ingest",
  "summary",
  "new",
  "list",
  "forget",
  "autoread",
  "help",
] as const;

export interface BotCommand {
  command: string;
  description: string;
}

/** The menu with its descriptions in one locale (messages cmd-<name> in locales/<locale>.ftl). */
export function commandMenu(locale: string = DEFAULT_LOCALE): BotCommand[] {
  const { t } = translator(locale);
  return COMMAND_LIST.map((command) => ({ command, description: t(`cmd-${command}`) }));
}

export const COMMANDS: readonly BotCommand[] = commandMenu();

export const COMMAND_NAMES: ReadonlySet<string> = new Set(["start", ...COMMAND_LIST]);
