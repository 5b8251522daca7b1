export * from './write/csv.writer.js';
export * from './write/xlsx.writer.js';
