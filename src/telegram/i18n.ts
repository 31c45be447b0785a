/**
 * The bot's languages: Fluent files under locales/ loaded by grammY's i18n plugin, one
 * translator per Telegram user's `language_code` (region stripped), English for the rest.
 */
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** Beside the sources, not the cwd: `footnote bot` may be started from any directory. */
export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));
export const DEFAULT_LOCALE = "en";

/** Scripts written right to left: free text (titles, names) is isolated so it cannot reorder the line. */
const RTL = new Set(["ar", "fa", "he", "ur"]);

export type TranslationValue = string | number;
export type Translate = (key: string, vars?: Record<string, TranslationValue>) => string;

export interface Translator {
  locale: string;
  t: Translate;
  /** Wraps free text (or HTML holding it) in FSI…PDI in right-to-left locales; as it is elsewhere. */
  isolate: (text: string) => string;
}

/**
 * Fluent's automatic isolation (FSI/PDI around every placeable) is off: it would put invisible
 * marks inside `<code>` ids, `@username` mentions and ALLOWED_USER_IDS=… lines that users copy.
 * Free text of unknown direction is isolated by hand instead, outside its HTML tags (`isolate`).
 */
const i18n = new I18n<Context>({
  defaultLocale: DEFAULT_LOCALE,
  directory: LOCALES_DIR,
  useSession: false,
  fluentBundleOptions: { useIsolating: false },
});

export const LOCALES: readonly string[] = [...i18n.locales].sort();

/** "pt-br" → "pt"; a language with no translation → English. */
export function localeFor(languageCode: string | undefined): string {
  const base = (languageCode ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return LOCALES.includes(base) ? base : DEFAULT_LOCALE;
}

export function translator(locale: string): Translator {
  const rtl = RTL.has(locale);
  return {
    locale,
    t: (key, vars) => i18n.t(locale, key, vars),
    isolate: (text) => (rtl ? `\u2068${text}\u2069` : text),
  };
}

/** The translator for whoever sent this update. */
export function translatorFor(ctx: Context): Translator {
  return translator(localeFor(ctx.from?.language_code));
}
