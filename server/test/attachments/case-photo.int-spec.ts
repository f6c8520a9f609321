// The missing person's photo: served as the image it is (type from the content, never sniffed),
// set with optimistic concurrency, and never shown to a family through the photo field. A family
// sees an image only as a document the officer shared with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, multipart, PNG } from '../cases/fixtures.js';
import { addRelative, familyLogin, issueAccess } from '../family/family-fixtures.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

let t: TestApp;
let officer: ApiClient;
let family: ApiClient;
let caseId: string;
let photoId: string;

const upload = async (visibility: 'INTERNAL' | 'FAMILY', fileName: string) => {
  const res = await officer.post(
    `/api/v1/cases/${caseId}/attachments`,
    undefined,
    multipart([
      { name: 'visibility', value: visibility },
      { name: 'file', fileName, contentType: 'application/octet-stream', data: PNG },
    ]),
  );
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  const created = await createCase(officer);
  caseId = created.id;
  photoId = await upload('INTERNAL', 'portrait.png');
  const relativeId = await addRelative(t.pool, caseId);
  const code = await issueAccess(officer, caseId, relativeId);
  family = await familyLogin(t.client(), created.caseNumber, code);
});
afterAll(async () => t?.close());

describe("the case's photo", () => {
  it('is set with the current version; a stale version answers 409 and changes nothing', async () => {
    const before = (await officer.get(`/api/v1/cases/${caseId}`)).body;
    const set = await officer.patch(`/api/v1/cases/${caseId}`, { photoAttachmentId: photoId, version: before.version });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ photoAttachmentId: photoId, version: before.version + 1 });

    const stale = await officer.patch(`/api/v1/cases/${caseId}`, { photoAttachmentId: null, version: before.version });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/v1/cases/${caseId}`)).body.photoAttachmentId).toBe(photoId);
  });

  it('downloads as image/png with nosniff, a sandbox CSP and no caching', async () => {
    const res = await officer.get(`/api/v1/cases/${caseId}/attachments/${photoId}/content`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain('sandbox');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(Number(res.headers['content-length'])).toBe(PNG.length);
  });

  it('never reaches the family while internal: not in the case JSON, not in the documents, not downloadable', async () => {
    const res = await family.get(`/api/v1/family/cases/${caseId}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(photoId);
    expect(res.text).not.toMatch(/photo/i);
    expect(res.body.attachments).toEqual([]);
    const download = await family.get(`/api/v1/family/cases/${caseId}/attachments/${photoId}/content`);
    expect(download.status).toBe(404);
  });

  it('reaches the family only as a shared document, never as the photo field', async () => {
    const shared = await upload('FAMILY', 'shared-portrait.png');
    const current = (await officer.get(`/api/v1/cases/${caseId}`)).body;
    await officer.patch(`/api/v1/cases/${caseId}`, { photoAttachmentId: shared, version: current.version });

    const res = await family.get(`/api/v1/family/cases/${caseId}`);
    expect(res.body.attachments.map((a: { id: string }) => a.id)).toEqual([shared]);
    expect(res.text).not.toContain(photoId);
    expect(Object.keys(res.body)).not.toContain('photoAttachmentId');
  });
});
