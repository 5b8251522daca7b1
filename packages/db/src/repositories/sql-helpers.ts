/** `%term%` for ILIKE with the user's own % and _ taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** postgres.js returns an array of rows, PGlite an object holding them. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** pgvector's text form of a query vector (full precision: it is one parameter, not a bulk load). */
export const vectorParam = (v: readonly number[]) => `[${v.join(',')}]`;
