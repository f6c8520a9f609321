import { describe, expect, it } from 'vitest';
import { columnNames, detectEncoding, detectLayout, openTable, sniffDelimiter } from './import-file.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('detectEncoding', () => {
  it('trusts a byte order mark', () => {
    expect(detectEncoding(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('Emri')]))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('E\0m\0', 'latin1')]))).toBe('utf-16le');
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x45))).toBe('utf-16be');
  });

  it('takes valid UTF-8 as UTF-8 (plain ASCII included)', () => {
    expect(detectEncoding(Buffer.from('Ђорђевић;Krasniqi;Çeku', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Gashi,Berisha'))).toBe('utf-8');
  });

  it('tells Windows-1250 (č ć đ) from Windows-1252 (ë ç) by which one reads as our letters', () => {
    // "Đorđević;Čolić" in Windows-1250
    expect(
      detectEncoding(Buffer.from([0xd0, 0x6f, 0x72, 0xf0, 0x65, 0x76, 0x69, 0xe6, 0x3b, 0xc8, 0x6f, 0x6c, 0x69, 0xe6])),
    ).toBe('windows-1250');
    // "Gëzim Çeku" in Windows-1252 (the same bytes in 1250: a tie goes to 1252)
    expect(detectEncoding(Buffer.from([0x47, 0xeb, 0x7a, 0x69, 0x6d, 0x20, 0xc7, 0x65, 0x6b, 0x75]))).toBe(
      'windows-1252',
    );
    // "Šćekić Žarko" in 1250 (š ž are in both code pages; ć is not in 1252)
    expect(detectEncoding(Buffer.from([0x8a, 0xe6, 0x65, 0x6b, 0x69, 0xe6, 0x20, 0x8e, 0x61, 0x72, 0x6b, 0x6f]))).toBe(
      'windows-1250',
    );
  });
});

describe('sniffDelimiter', () => {
  it('picks the delimiter that splits every line alike', () => {
    expect(sniffDelimiter('Emri,Mbiemri,Komuna\r\nAgim,Gashi,Pejë\r\n')).toBe(',');
    expect(sniffDelimiter('Ime;Prezime;Mesto\nPetar;Ilić;Zvečan, selo\n')).toBe(';');
    expect(sniffDelimiter('Emri\tMbiemri\nBesë\tÇeku\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('is not fooled by delimiters inside quotes', () => {
    expect(sniffDelimiter('Emri;Vendi\n"Agim";"Rruga 1, Prishtinë"\n"Blerim";"Fshati, 2, 3"\n')).toBe(';');
  });

  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('Emri\nAgim\n')).toBe(',');
  });
});

describe('columnNames', () => {
  it('trims, names empty headers by position, numbers repeated ones, drops empty trailing ones', () => {
    expect(columnNames([' Emri ', '', 'Emri', 'emri', 'Mbiemri  i  ri', '', ''])).toEqual([
      'Emri',
      '[2]',
      'Emri (2)',
      'emri (3)',
      'Mbiemri i ri',
    ]);
  });
});

describe('openTable', () => {
  it('reads a CSV from its bytes: the first non-empty row is the header, empty rows are left out', async () => {
    const data = Buffer.from(
      '\r\nEmri;Mbiemri\r\nAgim;"Gashi; i vogli"\r\n;\r\nBesa;"Hoxha\r\nKelmendi"\r\nDrita;Rama\r\n',
    );
    const layout = detectLayout(data);
    expect(layout).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    const table = await openTable(data, layout);
    expect(table.columns).toEqual(['Emri', 'Mbiemri']);
    expect(table.headerRow).toBe(2);
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['Agim', 'Gashi; i vogli'] },
      { rowNumber: 5, cells: ['Besa', 'Hoxha\r\nKelmendi'] },
      { rowNumber: 6, cells: ['Drita', 'Rama'] },
    ]);
  });

  it('decodes a legacy code page across chunk boundaries', async () => {
    const row = Buffer.from([0xc8, 0x6f, 0x6c, 0x69, 0xe6, 0x3b, 0x8e, 0x61, 0x72, 0x6b, 0x6f, 0x0d, 0x0a]); // Čolić;Žarko
    const data = Buffer.concat([Buffer.from('Prezime;Ime\r\n'), ...Array(200_000).fill(row)]);
    const table = await openTable(data);
    expect(table.layout.encoding).toBe('windows-1250');
    let n = 0;
    for await (const r of table.rows) {
      if (r.cells[0] !== 'Čolić' || r.cells[1] !== 'Žarko') throw new Error(`row ${r.rowNumber}: ${r.cells.join('|')}`);
      n++;
    }
    expect(n).toBe(200_000);
  });

  it('refuses an old .xls and an empty file', async () => {
    expect(() => detectLayout(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toThrow(/xlsx/);
    await expect(openTable(Buffer.from('\r\n\r\n'))).rejects.toThrow(/empty/);
  });
});
