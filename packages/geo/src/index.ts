export * from './sample.js';
export * from './echarts-decode.js';
export * from './boundaries.js';
export * from './hexbin.js';
export * from './talent-cell.js';
