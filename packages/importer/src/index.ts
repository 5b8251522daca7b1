export * from './result.js';
export * from './read/encoding.js';
export * from './read/table.js';
export * from './read/table-error.js';
export type { TableRow } from './read/table-row.js';
export * from './normalize.js';
export * from './write.js';
