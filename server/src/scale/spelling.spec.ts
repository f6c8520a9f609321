import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import { spell, typo } from './spelling.js';

describe('spell', () => {
  it.each([
    ['Krasniqi', 'sq', { sq: 'Krasniqi', srLatn: 'Krasnići', srCyrl: 'Краснићи', ascii: 'Krasniqi' }],
    ['Hoxha', 'sq', { sq: 'Hoxha', srLatn: 'Hodža', srCyrl: 'Хоџа', ascii: 'Hoxha' }],
    ['Çeku', 'sq', { sq: 'Çeku', srLatn: 'Čeku', srCyrl: 'Чеку', ascii: 'Ceku' }],
    ['Gashi', 'sq', { sq: 'Gashi', srLatn: 'Gaši', srCyrl: 'Гаши', ascii: 'Gashi' }],
    ['Đorđević', 'sr', { sq: 'Gjorgjeviq', srLatn: 'Đorđević', srCyrl: 'Ђорђевић', ascii: 'Djordjevic' }],
    ['Ljubiša', 'sr', { sq: 'Ljubisha', srLatn: 'Ljubiša', srCyrl: 'Љубиша', ascii: 'Ljubisa' }],
    ['Şükrü', 'tr', { sq: 'Shykry', srLatn: 'Šikri', srCyrl: 'Шикри', ascii: 'Sukru' }],
  ] as const)('%s (%s) in every script', (name, from, expected) => {
    for (const [script, value] of Object.entries(expected))
      expect(spell(name, from, script as keyof typeof expected)).toBe(value);
  });
});

describe('typo', () => {
  it('changes one letter at most (never the first) and keeps the alphabet', () => {
    const random = new Random(3);
    for (const name of ['Krasniqi', 'Ђорђевић', 'Gjonbalaj', 'Şahin']) {
      for (let i = 0; i < 50; i++) {
        const t = typo(name, (n) => random.int(n));
        expect(t).not.toBe(name);
        expect(t[0].toLowerCase()).toBe(name[0].toLowerCase());
        expect(Math.abs([...t].length - [...name].length)).toBeLessThanOrEqual(1);
        const letters = new Set([...name.toLowerCase()]);
        expect([...t.toLowerCase()].every((c) => letters.has(c))).toBe(true);
      }
    }
  });
});
