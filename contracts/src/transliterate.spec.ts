import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, latinToCyrillic } from './transliterate.js';

describe('Serbian transliteration', () => {
  it.each([
    ['Kosovo Polje', 'Косово Поље'],
    ['Uroševac', 'Урошевац'],
    ['Đakovica', 'Ђаковица'],
    ['Njegoš', 'Његош'],
    ['Džerdap', 'Џердап'],
    ['Ljubljana', 'Љубљана'],
    ['Čačak Ćuprija', 'Чачак Ћуприја'],
    ['Žitkovac', 'Житковац'],
  ])('%s <-> %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });

  it('leaves placeholders and tags alone', () => {
    expect(latinToCyrillic('Zdravo {{name}}, <strong>slučaj</strong> {{count}}')).toBe(
      'Здраво {{name}}, <strong>случај</strong> {{count}}',
    );
  });

  it('keeps letters with no Serbian equivalent', () => {
    expect(latinToCyrillic('WWW xyq 2026')).toBe('WWW xyq 2026');
  });
});
