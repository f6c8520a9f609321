import { describe, expect, it } from 'vitest';
import { checkFile, contentDisposition, safeFileName, zipEntryNames } from './file-check.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd.png', 'image/png', 'passwd.png'],
    ['..\\..\\boot.ini', 'text/plain', 'boot.txt'],
    ['photo.JPEG', 'image/jpeg', 'photo.jpeg'],
    ['photo.gif', 'image/jpeg', 'photo.jpg'],
    ['scan.tiff', 'image/tiff', 'scan.tiff'],
    ['data.csv', 'text/plain', 'data.csv'],
    ['résumé\u202Efdp.exe', 'application/pdf', 'résuméfdp.pdf'],
    ['', 'application/pdf', 'file.pdf'],
    [undefined, 'application/pdf', 'file.pdf'],
    ['LPT1.txt', 'text/plain', '_LPT1.txt'],
    ['. .hidden', 'text/plain', 'hidden.txt'],
  ] as const)('%j as %s -> %s', (given, type, expected) => {
    expect(safeFileName(given, type)).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Ђорђевић "izjava".pdf')).toBe(
      `attachment; filename="________ _izjava_.pdf"; filename*=UTF-8''%D0%82%D0%BE%D1%80%D1%92%D0%B5%D0%B2%D0%B8%D1%9B%20%22izjava%22.pdf`,
    );
  });
});

describe('checkFile', () => {
  it('reads the type from the bytes', async () => {
    expect(await checkFile(PNG)).toEqual({ ok: true, contentType: 'image/png', extension: 'png' });
    expect(await checkFile(Buffer.from('plain text, tekst, текст\n'))).toMatchObject({
      ok: true,
      contentType: 'text/plain',
    });
    expect(await checkFile(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toMatchObject({ ok: false });
    expect(await checkFile(Buffer.alloc(0))).toEqual({ ok: false, reason: 'The file is empty' });
    expect(await checkFile(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toMatchObject({
      ok: false,
      reason: 'Files of type image/gif are not accepted',
    });
  });

  it('reads a ZIP directory and refuses a damaged one', () => {
    expect(zipEntryNames(Buffer.from('not a zip'))).toBeNull();
  });
});
