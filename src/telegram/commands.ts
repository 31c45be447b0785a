/** The command menu, registered with setMyCommands and used to tell our commands from other bots'. */
export const COMMANDS = [
  { command: "ask", description: "Ask a question about this chat's articles" },
  { command: "ingest", description: "Add an article: a link, pasted text, or reply to a file" },
  { command: "new", description: "Start afresh: the next question does not follow on" },
  { command: "list", description: "Show this chat's articles" },
  { command: "forget", description: "Remove an article: /forget <id>" },
  { command: "help", description: "How to use this bot" },
] as const;

export const COMMAND_NAMES: ReadonlySet<string> = new Set(["start", ...COMMANDS.map((c) => c.command)]);
