import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase, DOCM, DOCX, DOCX_WITH_MACROS, fieldsOf, multipart, PDF, PNG, ZIP } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  caseId = (await createCase(officer)).id;
});
afterAll(async () => t?.close());

const upload = (
  fileName: string,
  data: Buffer,
  fields: Record<string, string> = {},
  declared = 'application/octet-stream',
) =>
  officer.post(
    `/api/v1/cases/${caseId}/attachments`,
    undefined,
    multipart([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      { name: 'file', fileName, contentType: declared, data },
    ]),
  );
const count = async () => (await t.pool.query('SELECT count(*)::int AS n FROM attachment')).rows[0].n as number;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('POST /api/v1/cases/:id/attachments', () => {
  it('stores a file with the type read from its content and its SHA-256, and audits it', async () => {
    const res = await upload(
      'photo.png',
      PNG,
      { visibility: 'FAMILY', description: 'Photo from the family' },
      'image/png',
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      caseId,
      fileName: 'photo.png',
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      visibility: 'FAMILY',
      description: 'Photo from the family',
      uploadedBy: { id: officer.user!.id },
    });
    const [entry] = (await auditOf(t, caseId, 'attachment.create')).filter((e) => e.details.subjectId === res.body.id);
    expect(entry.changes).toMatchObject({ sha256: { to: sha256(PNG) }, contentType: { to: 'image/png' } });
    const list = (await officer.get(`/api/v1/cases/${caseId}/attachments`)).body;
    expect(list.map((a: { id: string }) => a.id)).toContain(res.body.id);
    expect(list[0]).not.toHaveProperty('data');
  });

  it('trusts the content, not the name: a .pdf holding a PNG is stored as image/png named .png', async () => {
    const res = await upload('report.pdf', PNG, {}, 'application/pdf');
    expect(res.body).toMatchObject({ fileName: 'report.png', contentType: 'image/png', visibility: 'INTERNAL' });
    const pdf = await upload('scan', PDF);
    expect(pdf.body).toMatchObject({ fileName: 'scan.pdf', contentType: 'application/pdf' });
  });

  it('accepts Word documents and plain text, refuses macros, archives, programs and unknown binaries', async () => {
    expect((await upload('statement.docx', DOCX)).body).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: 'statement.docx',
    });
    const text = await upload('notes.txt', Buffer.from('Dëshmitari tha që e pa në Ferizaj.\nСведок је рекао…\n'));
    expect(text.body).toMatchObject({ contentType: 'text/plain', fileName: 'notes.txt' });
    const html = await upload('page.html', Buffer.from('<script>alert(1)</script>'), {}, 'text/html');
    expect(html.body).toMatchObject({ contentType: 'text/plain', fileName: 'page.txt' });

    const before = await count();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    for (const [name, data] of [
      ['invoice.docx', DOCX_WITH_MACROS],
      ['invoice.docm', DOCM],
      ['bundle.zip', ZIP],
      ['tool.png', elf],
      ['random.bin', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 9])],
      ['empty.txt', Buffer.alloc(0)],
    ] as const) {
      const res = await upload(name, data);
      expect(res.status, name).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(fieldsOf(res)).toEqual(['file']);
    }
    expect(await count()).toBe(before);
  });

  it('strips path tricks and unsafe characters from names', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\Windows\\System32\\evil.png', 'evil.png'],
      ['C:\\Users\\x\\Desktop\\foto.png', 'foto.png'],
      ['invoice\u202Egnp.exe', 'invoicegnp.png'],
      ['.htaccess', 'htaccess.png'],
      ['con.png', '_con.png'],
      ['a<b>c:d|e?*.png', 'a_b_c_d_e__.png'],
      ['tab\tbell\u0007esc\u001b.png', 'tabbellesc.png'],
      ['...', 'file.png'],
      [`${'x'.repeat(300)}.png`, `${'x'.repeat(150)}.png`],
      ['Fotografia e Shpresës.PNG', 'Fotografia e Shpresës.png'],
    ];
    for (const [given, stored] of names) {
      const res = await upload(given, PNG);
      expect(res.body.fileName, given).toBe(stored);
    }
  });

  it('answers 413 over the upload limit and stores nothing; the limit itself is fine', async () => {
    const limit = t.config.UPLOAD_LIMIT_BYTES;
    expect(limit).toBe(10 * 1024 * 1024);
    const before = await count();
    const tooBig = await upload('big.txt', Buffer.alloc(limit + 1, 'a'));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(before);
    const atLimit = await upload('big.txt', Buffer.alloc(limit, 'a'));
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.size).toBe(limit);
  });

  it('needs multipart with one file part named "file" and valid fields', async () => {
    const json = await officer.post(`/api/v1/cases/${caseId}/attachments`, { file: 'abc' });
    expect(json.status).toBe(415);
    const noFile = await officer.post(
      `/api/v1/cases/${caseId}/attachments`,
      undefined,
      multipart([{ name: 'visibility', value: 'INTERNAL' }]),
    );
    expect(fieldsOf(noFile)).toEqual(['file']);
    const wrongPart = await officer.post(
      `/api/v1/cases/${caseId}/attachments`,
      undefined,
      multipart([{ name: 'document', fileName: 'a.png', data: PNG }]),
    );
    expect(fieldsOf(wrongPart)).toEqual(['document']);
    const badVisibility = await upload('a.png', PNG, { visibility: 'PUBLIC' });
    expect(fieldsOf(badVisibility)).toEqual(['visibility']);
  });
});

describe('GET /api/v1/cases/:id/attachments/:attachmentId/content', () => {
  it('downloads with the stored type, as an attachment with a UTF-8 file name, never sniffed; audited', async () => {
    const png = (await upload('Fotografia e Shpresës (1).png', PNG)).body;
    const res = await officer.get(`/api/v1/cases/${caseId}/attachments/${png.id}/content`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Fotografia e Shpreses (1).png"; filename*=UTF-8''Fotografia%20e%20Shpres%C3%ABs%20%281%29.png`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(Buffer.from(res.text, 'binary').length).toBeGreaterThan(0);
    const raw = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/attachments/${png.id}/content`,
        headers: { cookie: officer.cookie! },
      });
    expect(sha256(raw.rawPayload)).toBe(png.sha256);
    const downloads = (await auditOf(t, caseId, 'attachment.download')).filter((e) => e.details.subjectId === png.id);
    expect(downloads).toHaveLength(2);

    const txt = (await upload('notes.txt', Buffer.from('Shënime'))).body;
    const text = await officer.get(`/api/v1/cases/${caseId}/attachments/${txt.id}/content`);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe('Shënime');
  });

  it('answers 404 for an attachment of another case', async () => {
    const other = await createCase(officer);
    const png = (await upload('a.png', PNG)).body;
    expect((await officer.get(`/api/v1/cases/${other.id}/attachments/${png.id}/content`)).status).toBe(404);
    expect(
      (await officer.patch(`/api/v1/cases/${other.id}/attachments/${png.id}`, { visibility: 'FAMILY' })).status,
    ).toBe(404);
  });
});

describe('PATCH /api/v1/cases/:id/attachments/:attachmentId', () => {
  it('changes visibility and description, audited', async () => {
    const png = (await upload('a.png', PNG)).body;
    const res = await officer.patch(`/api/v1/cases/${caseId}/attachments/${png.id}`, { visibility: 'FAMILY' });
    expect(res.body.visibility).toBe('FAMILY');
    const [entry] = (await auditOf(t, caseId, 'attachment.update')).filter((e) => e.details.subjectId === png.id);
    expect(entry.changes).toEqual({ visibility: { from: 'INTERNAL', to: 'FAMILY' } });
  });
});
