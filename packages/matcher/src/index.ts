export * from './skill-graph.js';
export * from './skill-space.js';
export * from './text.js';
export * from './classify.js';
export * from './score.js';
export * from './gap.js';
export * from './entity-weights.js';
export * from './program-fit.js';
