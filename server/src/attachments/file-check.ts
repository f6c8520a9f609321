import { ATTACHMENT_TYPES, type AttachmentContentType } from '@mprc/contracts';
import { fileTypeFromBuffer } from 'file-type';

// What an uploaded file is, decided from its bytes (never from its name or the browser's declared
// type), against an allow-list. Office documents are ZIP archives: file-type reads their content
// types; on top of that, archives carrying macros or scripts are refused, and an archive whose
// directory cannot be read is refused rather than guessed at.

export type FileVerdict =
  { ok: true; contentType: AttachmentContentType; extension: string } | { ok: false; reason: string };

const ZIP_BASED: readonly string[] = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
];
// Macro projects (VBA), ActiveX controls, and OpenDocument Basic/script libraries.
const ACTIVE_CONTENT = [
  /(^|\/)vbaProject\.bin$/i,
  /(^|\/)vbaData\.xml$/i,
  /(^|\/)activeX\//i,
  /^Basic\//,
  /^Scripts\//,
];

/** Names in a ZIP archive's central directory, or null when it cannot be read (ZIP64, damaged, not a ZIP). */
export function zipEntryNames(buf: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  const names: string[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** UTF-8 text without NUL or other control characters than tab, line breaks and form feed. */
function isPlainText(buf: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

export async function checkFile(buf: Buffer): Promise<FileVerdict> {
  if (buf.length === 0) return { ok: false, reason: 'The file is empty' };
  const detected = await fileTypeFromBuffer(buf);
  if (!detected) {
    return isPlainText(buf)
      ? { ok: true, contentType: 'text/plain', extension: ATTACHMENT_TYPES['text/plain'] }
      : { ok: false, reason: 'Unrecognised file type' };
  }
  const mime = detected.mime as string;
  if (!(mime in ATTACHMENT_TYPES)) return { ok: false, reason: `Files of type ${mime} are not accepted` };
  const contentType = mime as AttachmentContentType;
  if (ZIP_BASED.includes(contentType)) {
    const names = zipEntryNames(buf);
    if (!names) return { ok: false, reason: 'The document archive cannot be read' };
    if (names.some((n) => ACTIVE_CONTENT.some((re) => re.test(n))))
      return { ok: false, reason: 'Documents with macros or scripts are not accepted' };
  }
  return { ok: true, contentType, extension: ATTACHMENT_TYPES[contentType] };
}

// Extensions kept as written when they fit the detected type; any other gets the type's own.
const KEEP_EXTENSIONS: Partial<Record<AttachmentContentType, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt', 'csv'],
};
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A safe file name: no folders (`../../etc/passwd` -> `passwd`), no control or bidirectional
 * override characters, none of <>:"/\|?*, no leading dots, at most 150 characters before the
 * extension, and an extension that matches the content (`report.pdf` holding a PNG becomes
 * `report.png`).
 */
export function safeFileName(raw: string | undefined, contentType: AttachmentContentType): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  base = [...base.trim()].slice(0, 150).join('').trim() || 'file';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  const extension = KEEP_EXTENSIONS[contentType]?.includes(given) ? given : ATTACHMENT_TYPES[contentType];
  return `${base}.${extension}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
