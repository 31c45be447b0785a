/**
 * Packs HTML blocks into Telegram messages of at most `limit` UTF-16 units. Lengths are
 * measured on the HTML source, which is never shorter than the text Telegram counts, so a
 * part that fits here fits there. Blocks are joined at their boundaries; a block too long on
 * its own is cut at a line break or space, never inside a tag, an entity or a surrogate pair,
 * with its open tags closed at the end of one part and reopened at the start of the next.
 */

export const TELEGRAM_MESSAGE_LIMIT = 4096;

export function packBlocks(
  blocks: readonly string[],
  limit = TELEGRAM_MESSAGE_LIMIT,
  separator = "\n\n",
): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") parts.push(current);
    current = "";
  };
  for (const block of blocks) {
    if (block.trim() === "") continue;
    if (current !== "" && current.length + separator.length + block.length <= limit) {
      current += separator + block;
      continue;
    }
    flush();
    if (block.length <= limit) {
      current = block;
      continue;
    }
    const pieces = splitBlock(block, limit);
    parts.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? "";
  }
  flush();
  return parts;
}

type Atom =
  | { kind: "open"; name: string; raw: string }
  | { kind: "close"; name: string; raw: string }
  | { kind: "text"; raw: string };

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/;
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{1,10});/;

/** Tags, entities and single code points: the units a cut may fall between. */
function atomize(html: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < html.length) {
    const rest = html.slice(i, i + 2048);
    const ch = html[i];
    if (ch === "<") {
      const m = TAG.exec(rest);
      if (m) {
        const name = (m[2] ?? "").toLowerCase();
        atoms.push(m[1] ? { kind: "close", name, raw: m[0] } : { kind: "open", name, raw: m[0] });
        i += m[0].length;
        continue;
      }
    } else if (ch === "&") {
      const m = ENTITY.exec(rest);
      if (m) {
        atoms.push({ kind: "text", raw: m[0] });
        i += m[0].length;
        continue;
      }
    }
    const cp = html.codePointAt(i) ?? 0;
    const raw = String.fromCodePoint(cp);
    atoms.push({ kind: "text", raw });
    i += raw.length;
  }
  return atoms;
}

type Open = Extract<Atom, { kind: "open" }>;

function apply(stack: readonly Open[], atom: Atom): Open[] {
  if (atom.kind === "open") return [...stack, atom];
  if (atom.kind === "close") {
    const at = stack.map((a) => a.name).lastIndexOf(atom.name);
    return at === -1 ? [...stack] : stack.slice(0, at);
  }
  return stack as Open[];
}

const closers = (stack: readonly Open[]) =>
  stack
    .map((a) => `</${a.name}>`)
    .reverse()
    .join("");

interface Cut {
  next: number;
  html: string;
  stack: Open[];
  hasText: boolean;
}

/** Cuts one block into parts of at most `limit`, each with balanced tags. */
export function splitBlock(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const atoms = atomize(html);
  const parts: string[] = [];
  let start = 0;
  let stack: Open[] = [];
  while (start < atoms.length) {
    let out = stack.map((a) => a.raw).join("");
    let st = stack;
    let hasText = false;
    let newline: Cut | undefined;
    let space: Cut | undefined;
    let i = start;
    for (; i < atoms.length; i++) {
      const atom = atoms[i]!;
      const nextStack = apply(st, atom);
      // Always take at least one atom, so a pathological prefix cannot loop forever.
      if (i > start && out.length + atom.raw.length + closers(nextStack).length > limit) break;
      out += atom.raw;
      st = nextStack;
      if (atom.kind === "text") {
        hasText = true;
        if (atom.raw === "\n") newline = { next: i + 1, html: out, stack: st, hasText };
        else if (/^\s$/u.test(atom.raw)) space = { next: i + 1, html: out, stack: st, hasText };
      }
    }
    if (i >= atoms.length) {
      parts.push(out + closers(st));
      break;
    }
    // Prefer a line break, then a space, as long as it keeps the part at least half full.
    const half = limit / 2;
    const cut: Cut =
      newline && newline.hasText && newline.html.length >= half
        ? newline
        : space && space.hasText && space.html.length >= half
          ? space
          : { next: i, html: out, stack: st, hasText };
    parts.push(cut.html + closers(cut.stack));
    start = cut.next;
    stack = cut.stack;
    // Whitespace at a cut would only show as a blank start of the next message.
    while (start < atoms.length && atoms[start]!.kind === "text" && /^\s$/u.test(atoms[start]!.raw)) start++;
  }
  return parts.filter((p) => p.replace(/<[^>]*>/g, "").trim() !== "");
}
