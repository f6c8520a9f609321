import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../reports/content-disposition.js';
import { csvBatchEncoder, csvField, csvRecord, neutralise } from './csv-export.js';

describe('neutralise (spreadsheet formula injection)', () => {
  it.each(['=1+1', '=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (v) =>
    expect(neutralise(v)).toBe(`'${v}`),
  );
  it.each(['', 'Agim', 'MP-000123', '1999-04', "'quoted", ' =space first', 'Ђорђе'])('leaves %j alone', (v) =>
    expect(neutralise(v)).toBe(v),
  );
});

describe('CSV encoding (RFC 4180)', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('lone\rCR')).toBe('"lone\rCR"');
    expect(csvField(null)).toBe('');
    expect(csvField(1999)).toBe('1999');
    expect(csvRecord(['=x', null, 'a,b', 2000])).toBe(`'=x,,"a,b",2000\r\n`);
  });

  // csv-stringify is the reference: the same bytes for the same records (with CRLF records and
  // any CR or LF quoted, as RFC 4180 wants).
  // csvRecord neutralises formula-like cells first; so does the reference.
  const reference = (records: (string | null)[][]) =>
    stringify(
      records.map((r) => r.map((v) => (v === null ? v : neutralise(v)))),
      { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
    );
  const mine = (records: (string | null)[][]) => records.map((r) => csvRecord(r)).join('');

  it('writes what csv-stringify writes for awkward text', () => {
    const records = [
      ['', 'a', 'a,b', '"', '""', 'x"y', ' lead', 'trail ', '\n', '\r\n', 'a\rb', 'Ђорђевић', 'Çeku, Gjon', null],
      ['tab\tinside', 'emoji 🙂', "apo'strophe", ';semi;', 'MP-000001', '1999-04', 'Line\nBreak "q"'],
    ];
    expect(mine(records)).toBe(reference(records));
  });

  it('writes what csv-stringify writes, and csv-parse reads back, for random text', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(',', '"', '\r', '\n', '\r\n', 'a"b,c'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (raw) => {
        const text = mine(raw);
        expect(text).toBe(reference(raw));
        expect(parse(text, { relax_column_count: true })).toEqual(raw.map((r) => r.map(neutralise)));
      }),
      { numRuns: 300 },
    );
  });

  it('starts with the byte order mark and the header, then one record per row', () => {
    const encoder = csvBatchEncoder(['Case number', 'Name'], (row) => row);
    expect(encoder.header()).toBe('\uFEFFCase number,Name\r\n');
    expect(
      encoder.batch([
        ['MP-1', '+1'],
        ['MP-2', 'a,b'],
      ]),
    ).toBe(`MP-1,'+1\r\nMP-2,"a,b"\r\n`);
  });
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
