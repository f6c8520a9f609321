import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, loadConfig } from './config.js';

const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
const entries = example
  .split('\n')
  .filter((l) => /^[A-Z_]+=/.test(l))
  .map((l) => l.split('=', 2) as [string, string]);

describe('.env.example', () => {
  it('lists exactly the variables the server reads', () => {
    expect(entries.map(([k]) => k).sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
  });

  it('holds values the server accepts, equal to the defaults', () => {
    const fromExample = loadConfig(Object.fromEntries(entries));
    const defaults = loadConfig({});
    expect(fromExample).toEqual(defaults);
  });
});
