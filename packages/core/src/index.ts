export * from './constants.js';
export * from './reference.schema.js';
export * from './api.schema.js';
export * from './rng.js';
export * from './match.schema.js';
export * from './shortage.schema.js';
export * from './map.schema.js';
