/**
 * Case and diacritic folding the way each script needs it, applied to a word before it is
 * stemmed and before it is looked up, so that a question typed without accents meets an
 * article written with them. Native digits (Arabic-Indic, Devanagari, Thai…) become ASCII so
 * that "١٩٩٠" and "1990" are one number.
 */
import type { LanguageEntry } from "./languages.ts";

/** Where the digit zero of each script with its own digits sits (each run is 0..9 in order). */
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
];
const NATIVE_DIGIT = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u${z.toString(16).padStart(4, "0")}-\\u${(z + 9).toString(16).padStart(4, "0")}`).join("")}]`,
  "g",
);

function asciiDigits(text: string): string {
  return text.replace(NATIVE_DIGIT, (d) => {
    const cp = d.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}

const MARKS = /\p{M}+/gu;

/**
 * Lower case without any combining mark, the same in every script: a cruder fold than
 * foldScript's (it drops Devanagari and Thai vowel signs and Cyrillic й's breve too), for
 * comparing short fixed phrases, which are folded the same way.
 */
export function foldMarks(text: string): string {
  return text.normalize("NFKD").replace(MARKS, "").toLowerCase();
}
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;

/** Folds a lower-cased word (or text) the way the language's script needs. */
export function foldScript(text: string, entry: LanguageEntry): string {
  let t = asciiDigits(text);
  switch (entry.script) {
    case "latin":
      t = entry.keepMarks ? t.normalize("NFC") : t.normalize("NFKD").replace(MARKS, "");
      break;
    case "turkish":
      // Turkish stems need ş, ğ, ü, ö, ç and the dotless ı; only İ's combining dot goes.
      t = t.normalize("NFC").replace(/i\u0307/g, "i");
      break;
    case "greek":
      t = t.normalize("NFKD").replace(MARKS, "").replace(/ς/g, "σ");
      break;
    case "cyrillic":
      // Keep й (и + breve), which Russian endings need; ё is written е in most texts.
      t = t.normalize("NFC").replace(/ё/g, "е");
      break;
    case "arabic":
      t = t.normalize("NFC").replace(ARABIC_MARKS, "").replace(ALEF_FORMS, "\u0627");
      // Arabic and Persian write yeh and kaf with different letters; each stemmer wants its own.
      t =
        entry.code === "ar"
          ? t.replace(/ی/g, "ي").replace(/ک/g, "ك")
          : t.replace(/ي/g, "ی").replace(/ك/g, "ک");
      break;
    case "devanagari":
    case "thai":
      // Their vowel signs are combining marks that spell the word: they stay.
      t = t.normalize("NFC");
      break;
    case "han":
    case "japanese":
      // Full-width Latin and digits, half-width kana.
      t = t.normalize("NFKC");
      break;
  }
  return t;
}
