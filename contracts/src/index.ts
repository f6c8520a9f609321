export * from './errors.js';
export * from './health.js';
export * from './locales.js';
export * from './permissions.js';
export * from './transliterate.js';
