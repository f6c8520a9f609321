import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../reports/content-disposition.js';
import { csvBatchEncoder, csvField, csvRecord, lfToCrlf, neutralise } from './csv-export.js';

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

describe('lfToCrlf (COPY output to RFC 4180 record ends)', () => {
  // What COPY (FORMAT csv) writes: a field with a comma, a quote, CR or LF quoted, LF record ends.
  const copyField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const copyText = (records: string[][], end: string) =>
    records.map((r) => `${r.map(copyField).join(',')}${end}`).join('');
  /** Feeds the bytes in chunks cut at the given offsets, as the socket would. */
  const convert = (bytes: Buffer, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    let quoted = false;
    let records = 0;
    const out: Buffer[] = [];
    let from = 0;
    for (const to of [...at, bytes.length]) {
      const r = lfToCrlf(bytes.subarray(from, to), quoted);
      out.push(r.data);
      records += r.records;
      quoted = r.quoted;
      from = to;
    }
    return { text: Buffer.concat(out).toString('utf8'), records, quoted };
  };

  it('ends records with CRLF and leaves line breaks inside quotes alone', () => {
    const bytes = Buffer.from(
      copyText(
        [
          ['a', 'b\nc'],
          ['"q"\r\n', 'Ђ'],
          ['', 'x,y'],
        ],
        '\n',
      ),
    );
    expect(convert(bytes, [])).toEqual({
      text: 'a,"b\nc"\r\n"""q""\r\n",Ђ\r\n,"x,y"\r\n',
      records: 3,
      quoted: false,
    });
    // Cut inside the quoted line break and between the doubled quotes.
    expect(convert(bytes, [4, 12, 13]).text).toBe('a,"b\nc"\r\n"""q""\r\n",Ђ\r\n,"x,y"\r\n');
  });

  it('gives CRLF records for random text cut into random chunks', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom('"', '\n', '\r\n', '""\n"', 'a"b,c\n', '\r'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (records, cuts) => {
          const result = convert(Buffer.from(copyText(records, '\n')), cuts);
          expect(result.text).toBe(copyText(records, '\r\n'));
          expect(result.records).toBe(records.length);
          expect(result.quoted).toBe(false);
          expect(parse(result.text, { relax_column_count: true })).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
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
