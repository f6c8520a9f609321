import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../reports/content-disposition.js';
import { csvFields, neutralise } from './csv-export.js';

describe('neutralise (spreadsheet formula injection)', () => {
  it.each(['=1+1', '=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (v) =>
    expect(neutralise(v)).toBe(`'${v}`),
  );
  it.each(['', 'Agim', 'MP-000123', '1999-04', "'quoted", ' =space first', 'Ђорђе'])('leaves %j alone', (v) =>
    expect(neutralise(v)).toBe(v),
  );
  it('converts a row, leaving numbers and empty cells', () =>
    expect(csvFields(['=x', 1999, null, 'ok'])).toEqual(["'=x", 1999, null, 'ok']));
});

describe('contentDisposition', () => {
  it('gives a plain and an encoded file name', () => {
    expect(contentDisposition('cases-2026-11-27.csv')).toBe(
      `attachment; filename="cases-2026-11-27.csv"; filename*=UTF-8''cases-2026-11-27.csv`,
    );
    expect(contentDisposition('izveštaj "x".pdf')).toBe(
      `attachment; filename="izve_taj x.pdf"; filename*=UTF-8''izve%C5%A1taj%20%22x%22.pdf`,
    );
  });
});
