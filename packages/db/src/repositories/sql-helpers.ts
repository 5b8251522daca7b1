/** `%term%` for ILIKE with the user's own % and _ taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** postgres.js returns an array of rows, PGlite an object holding them. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** The SQLSTATE or driver code of a database error, also when drizzle wraps it (DrizzleQueryError keeps it as the cause). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code } = e as { code?: unknown };
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** pgvector's text form of a query vector (full precision: it is one parameter, not a bulk load). */
export const vectorParam = (v: readonly number[]) => `[${v.join(',')}]`;
