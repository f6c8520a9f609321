import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { sessionFor } from '../../auth/testing/session-fixtures';
import { caseResponse, referenceRoutes } from '../../cases/testing/fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'cases', 'attachments']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const CASE_ID = caseResponse().id;
const BASE = `/api/v1/cases/${CASE_ID}`;
const PHOTO_ID = '8c1d6a52-3f0e-4b9a-9d47-2a6b1c0e5f11';
const PDF_ID = '5b7e2d10-91c4-4f3e-8a62-0d3c4b5a6e72';
const attachment = (id: string, fileName: string, contentType: string) => ({
  id,
  caseId: CASE_ID,
  fileName,
  contentType,
  size: 2048,
  sha256: 'a'.repeat(64),
  visibility: 'INTERNAL',
  description: null,
  uploadedBy: null,
  createdAt: '2024-03-02T10:00:00.000Z',
});
const ATTACHMENTS = [
  attachment(PHOTO_ID, 'portrait.jpg', 'image/jpeg'),
  attachment(PDF_ID, 'report.pdf', 'application/pdf'),
];
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

type Handler = (url: string, init?: RequestInit) => Response;

function stub(initial = caseResponse(), extra: Record<string, Handler> = {}) {
  let current = initial;
  const patch = vi.fn((_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { photoAttachmentId: string | null; version: number };
    current = { ...current, photoAttachmentId: body.photoAttachmentId, version: current.version + 1 };
    return json(200, current);
  });
  const content = vi.fn(() => new Response(JPEG, { status: 200, headers: { 'Content-Type': 'image/jpeg' } }));
  const handlers: Record<string, Handler> = {
    ...referenceRoutes,
    '/api/v1/auth/me': () => json(200, sessionFor('LIAISON_OFFICER')),
    [BASE]: (url, init) => (init?.method === 'PATCH' ? patch(url, init) : json(200, current)),
    [`${BASE}/timeline`]: () => json(200, []),
    [`${BASE}/relatives`]: () => json(200, []),
    [`${BASE}/messages`]: () => json(200, { items: [], unreadCount: 0 }),
    [`${BASE}/attachments`]: () => json(200, ATTACHMENTS),
    [`${BASE}/attachments/${PHOTO_ID}/content`]: content,
    ...extra,
  };
  vi.stubGlobal('fetch', vi.fn(fetchRoutes(handlers)));
  return { patch, content };
}

describe('the missing person’s photo', { timeout: 30_000 }, () => {
  it('shows a placeholder, then uses an image document as the photo, loaded through the download route', async () => {
    const { patch, content } = stub();
    renderApp(`/cases/${CASE_ID}/attachments`, i18n);

    expect(await screen.findByText('No photo', {}, { timeout: 10_000 })).toBeDefined();
    const list = await screen.findByRole('list', { name: 'Documents and photos' }, { timeout: 10_000 });
    // Only images can be the photo.
    expect(
      within(list).queryByRole('button', { name: 'Use report.pdf as the photo of the missing person' }),
    ).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Use portrait.jpg as the photo of the missing person' }));

    const photo = (await screen.findByRole('img', { name: 'Photo of Fatmir Gashi' })) as HTMLImageElement;
    expect(photo.src).toMatch(/^data:image\/jpeg;base64,/);
    expect(patch).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(patch.mock.calls[0]![1]?.body))).toEqual({ photoAttachmentId: PHOTO_ID, version: 4 });
    expect(content).toHaveBeenCalled();
    expect(within(list).getByText('Case photo')).toBeDefined();
    expect(within(list).queryByRole('button', { name: /Use portrait\.jpg/ })).toBeNull();
  });

  it('removes the photo with the current version, keeping the file', async () => {
    const { patch } = stub(caseResponse({ photoAttachmentId: PHOTO_ID }));
    renderApp(`/cases/${CASE_ID}/attachments`, i18n);

    expect(await screen.findByRole('img', { name: 'Photo of Fatmir Gashi' }, { timeout: 10_000 })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Remove photo' }));

    expect(await screen.findByText('No photo')).toBeDefined();
    expect(JSON.parse(String(patch.mock.calls[0]![1]?.body))).toEqual({ photoAttachmentId: null, version: 4 });
    expect(screen.getByText('The file stays in the documents.')).toBeDefined();
  });

  it('uploads a photo from the header, and says clearly when someone else saved the case first (409)', async () => {
    const upload = vi.fn((_url: string, init?: RequestInit) => {
      expect(init?.method).toBe('POST');
      const form = init?.body as FormData;
      expect(form.get('visibility')).toBe('INTERNAL');
      return json(201, attachment(PHOTO_ID, 'new.jpg', 'image/jpeg'));
    });
    const conflict = vi.fn(() =>
      json(409, { statusCode: 409, code: 'CONFLICT', message: 'The case was changed by someone else' }),
    );
    stub(caseResponse(), {
      [BASE]: (_url, init) => (init?.method === 'PATCH' ? conflict() : json(200, caseResponse({ version: 5 }))),
      [`${BASE}/attachments`]: (url, init) => (init?.method === 'POST' ? upload(url, init) : json(200, ATTACHMENTS)),
    });
    const { container } = renderApp(`/cases/${CASE_ID}/person`, i18n);

    expect(await screen.findByText('No photo', {}, { timeout: 10_000 })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Upload photo' })).toBeDefined();
    const input = container.querySelector('input[type="file"][accept="image/jpeg,image/png,image/webp"]');
    expect(input).not.toBeNull();
    fireEvent.change(input!, { target: { files: [new File([JPEG], 'new.jpg', { type: 'image/jpeg' })] } });

    expect(await screen.findByText('Someone else changed this case')).toBeDefined();
    expect(screen.getByText(/The page now shows the latest version/)).toBeDefined();
    expect(upload).toHaveBeenCalledTimes(1);
    expect(conflict).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByText('No photo')).toBeDefined());
  });

  it('refuses a file that is not an image before uploading it', async () => {
    const upload = vi.fn(() => json(201, {}));
    stub(caseResponse(), {
      [`${BASE}/attachments`]: (_url, init) => (init?.method === 'POST' ? upload() : json(200, ATTACHMENTS)),
    });
    const { container } = renderApp(`/cases/${CASE_ID}/person`, i18n);
    expect(await screen.findByText('No photo', {}, { timeout: 10_000 })).toBeDefined();
    const input = container.querySelector('input[type="file"][accept="image/jpeg,image/png,image/webp"]');
    fireEvent.change(input!, { target: { files: [new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('Choose a JPEG, PNG, WebP image.')).toBeDefined();
    expect(upload).not.toHaveBeenCalled();
  });
});
