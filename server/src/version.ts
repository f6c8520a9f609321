import { readFileSync } from 'node:fs';

// The root package.json's version, read once at start (works from src and from dist).
export const APP_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
})();
