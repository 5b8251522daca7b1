// OWASP "CSV injection": Excel and WPS evaluate a cell that starts with one of these, even in a CSV.
// Leading whitespace is looked through because spreadsheet programs trim it before deciding.
const FORMULA_START = /^[ \u3000]*[=+\-@]|^[\t\r]/;

/** Prefixes a quote so an exported cell is shown as text rather than run as a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Neutralises the text cells of a row; numbers, dates and booleans are data, not formulas, and pass through. */
export function neutraliseRow(values: readonly unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v));
}
