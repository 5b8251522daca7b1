export * from './schema.js';
export * from './client.js';
export * from './repositories/reference.repository.js';
export * from './repositories/dataset.repository.js';
export * from './repositories/match.repository.js';
export * from './bulk.js';
export * from './repositories/shortage.repository.js';
export * from './repositories/map.repository.js';
