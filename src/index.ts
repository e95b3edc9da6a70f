/** newsgraph's library API: every command is also a typed function. */
export * from './types.js';
