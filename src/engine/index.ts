export * from './time.js';
export * from './event-queue.js';
export * from './engine.js';
export * from './random.js';
export * from './distributions.js';
