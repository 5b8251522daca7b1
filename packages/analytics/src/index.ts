export * from './quarter.js';
export * from './ratio.js';
export * from './duration.js';
export * from './shortage-rule.js';
export * from './reasons.js';
export * from './slices.js';
export * from './forecast.js';
export * from './indicators.js';
