// Shared arrangements for the case integration tests.
import type { CreateCaseInput } from '@mprc/contracts';
import { deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { ApiClient, HttpResult, TestApp } from '../setup/test-app.js';

let counter = 0;

/** A valid create body (fictional person); override what the test is about. */
export function caseBody(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  counter += 1;
  return {
    firstName: 'Agim',
    lastName: `Testi${counter}`,
    fatherName: 'Rexhep',
    sex: 'MALE',
    dateOfBirth: '1970-05',
    communityCode: 'ALBANIAN',
    missingSince: '1999-04-12',
    lastSeenMunicipalityCode: 'FERIZAJ',
    lastSeenPlace: 'Road to the village (test)',
    circumstances: 'Test record.',
    ...overrides,
  };
}

/** Creates a case over the API and returns its body; fails the test unless it is 201. */
export async function createCase(client: ApiClient, overrides: Partial<CreateCaseInput> = {}) {
  const res = await client.post('/api/v1/cases', caseBody(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; caseNumber: string; version: number; [k: string]: any };
}

export const fieldsOf = (res: HttpResult) => ((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field);

/** Audit entries of an entity, oldest first. */
export async function auditOf(t: TestApp, entityId: string, action?: string) {
  const { rows } = await t.pool.query(
    `SELECT action, entity_type, entity_id, changes, details, actor_id FROM audit_entry
      WHERE entity_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY seq`,
    [entityId, action ?? null],
  );
  return rows as {
    action: string;
    entity_type: string;
    entity_id: string;
    changes: any;
    details: any;
    actor_id: string | null;
  }[];
}

// ---------------------------------------------------------------- files

/** A 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A minimal PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A ZIP archive (stored or deflated entries) with a central directory, as office documents are. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content);
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const CONTENT_TYPES = (main: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/>${extra}<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

/** A .docx as Word writes it (content types first). */
export const DOCX = zip({
  '[Content_Types].xml': CONTENT_TYPES(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  ),
  'word/document.xml': '<w:document/>',
});
/** A .docx that carries a VBA project (macros). */
export const DOCX_WITH_MACROS = zip({
  '[Content_Types].xml': CONTENT_TYPES(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  ),
  'word/document.xml': '<w:document/>',
  'word/vbaProject.bin': 'Attribute VB_Name = "evil"',
});
/** A .docm (macro-enabled Word document). */
export const DOCM = zip({
  '[Content_Types].xml': CONTENT_TYPES('application/vnd.ms-word.document.macroEnabled.main+xml'),
  'word/document.xml': '<w:document/>',
});
/** A plain ZIP archive. */
export const ZIP = zip({ 'notes.txt': 'hello' });

/** A multipart/form-data body. */
export function multipart(
  parts: { name: string; value?: string; fileName?: string; contentType?: string; data?: Buffer }[],
) {
  const boundary = `----mprc${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.data)
      head += `; filename="${p.fileName ?? 'file'}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), p.data ?? Buffer.from(p.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
