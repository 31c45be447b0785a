/** "U.S." and "US", "U.K." and "UK" are one name: the dots go, or the words split it into letters. */
export const undotted = (text: string): string =>
  text.replace(/\b\p{Lu}(?:\.\p{Lu})+\.?/gu, (m) => m.replace(/\./g, ""));
