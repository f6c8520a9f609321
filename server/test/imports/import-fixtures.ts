// Files for the import tests, made here: CSV in several encodings and delimiters, XLSX through
// exceljs. Legacy code pages are encoded with a table read back from Node's own decoder, so the
// tests need no encoding library.
import ExcelJS from 'exceljs';
import { TextDecoder } from 'node:util';
import { expect } from 'vitest';
import { multipart } from '../cases/fixtures.js';
import type { ApiClient, HttpResult } from '../setup/test-app.js';

const encoders = new Map<string, Map<string, number>>();

/** Encodes text in a single-byte code page (windows-1250, windows-1252); throws on a letter it lacks. */
export function encodeLegacy(text: string, codePage: 'windows-1250' | 'windows-1252'): Buffer {
  let table = encoders.get(codePage);
  if (!table) {
    const decoder = new TextDecoder(codePage);
    table = new Map();
    for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
    encoders.set(codePage, table);
  }
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${codePage} has no "${ch}"`);
    out[i++] = b;
  }
  return out.subarray(0, i);
}

const quote = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

/** CSV text (CRLF, quoted where needed). */
export function csvText(rows: string[][], delimiter = ','): string {
  return rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** An XLSX workbook with one sheet (cells may be Dates or numbers). */
export async function xlsxFile(rows: (string | number | Date | null)[][], sheetName = 'Lista'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a file; fails the test unless it is accepted. */
export async function upload(client: ApiClient, data: Buffer, fileName: string): Promise<any> {
  const res = await uploadRaw(client, data, fileName);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export function uploadRaw(client: ApiClient, data: Buffer, fileName: string): Promise<HttpResult> {
  const body = multipart([{ name: 'file', fileName, contentType: 'text/csv', data }]);
  return client.post('/api/v1/imports', undefined, body);
}

/** Runs a dry run; fails the test unless it answers 200. */
export async function dryRun(client: ApiClient, id: string, body: Record<string, unknown>): Promise<any> {
  const res = await client.post(`/api/v1/imports/${id}/dry-run`, body);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Every row of the last dry run, by row number. */
export async function allRows(client: ApiClient, id: string): Promise<Map<number, any>> {
  const out = new Map<number, any>();
  for (let page = 1; ; page++) {
    const res = await client.get(`/api/v1/imports/${id}/rows`, { query: { page, pageSize: 200 } });
    expect(res.status, res.text).toBe(200);
    for (const row of res.body.items) out.set(row.rowNumber, row);
    if (page * 200 >= res.body.total) return out;
  }
}

/** The columns named by a row's errors, with their codes: ["Sex:sex_unknown", ...]. */
export const errorsOf = (row: any): string[] => row.errors.map((e: any) => `${e.column}:${e.code}`);
