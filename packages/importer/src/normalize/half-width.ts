/** Full-width forms, the ideographic space, and whitespace other than a lone space. */
const NEEDS_FOLDING = /[\uFF01-\uFF5E\u3000]|[^\S ]| {2}/;

/**
 * Chinese input methods often leave full-width digits, letters and punctuation (１２３，ＡＢＣ) in
 * spreadsheets; every other normaliser starts from the half-width form so they compare as ASCII.
 * Most cells need nothing but a trim: one test spares them three replaces (every cell of an import passes here).
 */
export function toHalfWidth(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s.trim();
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
