export * from './schema.js';
export * from './client.js';
export * from './repositories/reference.repository.js';
export * from './repositories/dataset.repository.js';
