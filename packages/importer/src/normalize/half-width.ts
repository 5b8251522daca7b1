/**
 * Chinese input methods often leave full-width digits, letters and punctuation (１２３，ＡＢＣ) in
 * spreadsheets; every other normaliser starts from the half-width form so they compare as ASCII.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
