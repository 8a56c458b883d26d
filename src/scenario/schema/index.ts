export * from './core.js';
export * from './primitives.js';
export * from './composite.js';
