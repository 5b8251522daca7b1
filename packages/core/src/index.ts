export * from './constants.js';
export * from './reference.schema.js';
export * from './api.schema.js';
