import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Cell, PreparedColumns } from './export-columns.js';
import { COLUMN_SPECS } from './export-columns.js';
import { columnName, xlsxStream, xmlText, type XlsxAbout } from './xlsx-export.js';

const ABOUT: XlsxAbout = {
  sheetName: 'Cases',
  aboutSheetName: 'About',
  title: 'Export & "title" <x>',
  lines: [{ label: 'Exported by', value: 'Manager <m@example.test>' }],
  rowsLabel: 'Cases',
  filtersLabel: 'Filters',
  filters: [{ label: 'Office', value: 'Приштина' }],
  noFilters: 'None',
};

const columns = (names: (keyof typeof COLUMN_SPECS)[]): PreparedColumns => ({
  select: '',
  headers: names.map((n) => `${n} header`),
  specs: names.map((n) => COLUMN_SPECS[n]),
  // The rows below are cells already.
  convert: names.map(() => (v) => v),
});

/** The rows go in as the cursor gives them: in batches. */
async function bytesOf(rows: Cell[][], prepared: PreparedColumns, maxRows?: number, batch = 3) {
  const batches: Cell[][][] = [];
  for (let i = 0; i < rows.length; i += batch) batches.push(rows.slice(i, i + batch));
  const result = xlsxStream(Readable.from(batches), prepared, true, ABOUT, maxRows);
  const chunks: Buffer[] = [];
  for await (const chunk of result.output) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), count: await result.done };
}

/** Reads the ZIP with nothing but zlib: every entry's CRC and sizes must be right. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const entries = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < entries; i++) {
    expect(bytes.readUInt32LE(p)).toBe(0x02014b50);
    const crc = bytes.readUInt32LE(p + 16);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const offset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    expect(bytes.readUInt32LE(offset)).toBe(0x04034b50);
    const dataStart = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const data = zlib.inflateRawSync(bytes.subarray(dataStart, dataStart + compressed));
    expect(data.length, name).toBe(size);
    expect(zlib.crc32(data), name).toBe(crc);
    files.set(name, data.toString('utf8'));
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return files;
}

async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

describe('xmlText', () => {
  it('escapes markup and CR, drops what XML forbids, keeps Excel escapes literal', () => {
    expect(xmlText('plain Ђорђе')).toBe('plain Ђорђе');
    expect(xmlText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(xmlText('x\r\ny\tz')).toBe('x&#13;\ny\tz');
    expect(xmlText('bell\u0007 nul\u0000')).toBe('bell nul');
    expect(xmlText('_x0041_ and _x12')).toBe('_x005F_x0041_ and _x12');
  });
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('xlsxStream', () => {
  const prepared = columns(['caseNumber', 'lastName', 'dateOfBirth', 'createdAt', 'missingSince']);
  const awkward = [
    '=HYPERLINK("http://example.test")',
    'Quote "Q" & <tag>',
    ' leading and trailing ',
    'Line one\r\nline two',
    'Драган Јовановић',
    '_x0041_',
    'ctrl\u0001char',
  ];
  const rows: Cell[][] = awkward.map((text, i) => [
    `MP-00000${i}`,
    text,
    i % 2 ? new Date('1970-02-03T00:00:00Z') : '1982-03',
    new Date('2024-05-06T07:08:09Z'),
    i === 3 ? null : 1999,
  ]);

  it('writes a valid ZIP of the OOXML parts', async () => {
    const { bytes, count } = await bytesOf(rows, prepared);
    expect(count).toBe(rows.length);
    const files = unzip(bytes);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(files.get('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    expect(files.get('xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('reads back: bold frozen header, widths, values, dates as dates, text never a formula', async () => {
    const workbook = await workbookOf((await bytesOf(rows, prepared)).bytes);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Cases');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('caseNumber header');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(Math.max(COLUMN_SPECS.caseNumber.width, 'caseNumber header'.length + 2));
    expect(sheet.actualRowCount).toBe(rows.length + 1);
    // ExcelJS does not decode Excel's _xHHHH_ escapes: it shows the escaped underscore that makes
    // Excel (and LibreOffice) read the text back as written.
    const expectedText = awkward.map((t) => t.replace('\u0001', '').replace('_x0041_', '_x005F_x0041_'));
    rows.forEach((row, i) => {
      const r = sheet.getRow(i + 2);
      expect(r.getCell(1).value).toBe(row[0]);
      expect(r.getCell(2).value).toBe(expectedText[i]);
      expect(r.getCell(2).formula).toBeUndefined();
      if (row[2] instanceof Date) {
        expect(r.getCell(3).value).toEqual(row[2]);
        expect(r.getCell(3).numFmt).toBe('yyyy-mm-dd');
      } else expect(r.getCell(3).value).toBe('1982-03');
      expect(r.getCell(4).value).toEqual(new Date('2024-05-06T07:08:09Z'));
      expect(r.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(r.getCell(5).value).toBe(row[4]);
    });
    const about = workbook.worksheets[1];
    expect(about.name).toBe('About');
    expect(about.getRow(1).getCell(1).value).toBe(ABOUT.title);
    expect(about.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    const lines = new Map<string, unknown>();
    about.eachRow((r) => lines.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(lines.get('Exported by')).toBe('Manager <m@example.test>');
    expect(lines.get('Cases')).toBe(rows.length);
    expect(lines.get('Office')).toBe('Приштина');
  });

  it("continues on another sheet past the sheet's row limit", async () => {
    const many: Cell[][] = Array.from({ length: 12 }, (_, i) => [`MP-${i}`, 'Name', null, null, null]);
    const workbook = await workbookOf((await bytesOf(many, prepared, 5)).bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cases', 'Cases (2)', 'Cases (3)', 'About']);
    const numbers = workbook.worksheets.slice(0, 3).flatMap((s) => {
      expect(s.getRow(1).getCell(1).value).toBe('caseNumber header');
      return s.getRows(2, s.actualRowCount - 1)!.map((r) => r.getCell(1).value);
    });
    expect(numbers).toEqual(many.map((r) => r[0]));
  });

  it('writes a workbook with only the header when there are no rows', async () => {
    const workbook = await workbookOf((await bytesOf([], prepared)).bytes);
    expect(workbook.worksheets[0].actualRowCount).toBe(1);
  });

  it('stops, and says so, when the client goes away', async () => {
    let produced = 0;
    const endless = new Readable({
      objectMode: true,
      read() {
        this.push([[`MP-${produced++}`, 'x'.repeat(200), null, null, null]]);
      },
    });
    const result = xlsxStream(endless, prepared, true, ABOUT);
    await new Promise<void>((resolve) => result.output.once('data', () => resolve()));
    result.output.destroy();
    await expect(result.done).rejects.toThrow(/stopped/);
    expect(endless.destroyed).toBe(true);
  });
});
