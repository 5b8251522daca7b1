export interface TableRow {
  /** The row number Excel would show: the header is usually 1 and the first record 2; blank rows still count. */
  row: number;
  /** The cells as text, in column order; may be shorter or longer than the headers. */
  cells: string[];
  /** Indexes into `cells` of those that held a formula (their text is the cached result). */
  formulas: number[];
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
