import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { bodyOf, caseDetail, CASE_ID, json, renderPortal, session, stubApi, testI18n } from '../test-helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('contact details', () => {
  it('saves a new phone number and confirms that the officer will see it', async () => {
    const fetchMock = stubApi({
      'GET /me': () => json(200, session),
      'PATCH /me': () => json(200, { ...session.relative, phone: '+383 49 111 222', preferredLanguage: 'sr' }),
    });
    await renderPortal('/family/contact', await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Your contact details' })).toBeDefined();
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement;
    expect(phone.value).toBe('+383 44 000 001');

    fireEvent.change(phone, { target: { value: 'call me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/Please enter a phone number in digits/)).toBeDefined();
    expect(document.activeElement).toBe(phone);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.change(phone, { target: { value: '+383 49 111 222' } });
    fireEvent.change(screen.getByLabelText('Language for letters and calls'), { target: { value: 'sr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Your details have been saved/)).toBeDefined();
    expect(bodyOf(fetchMock, 'PATCH /me')).toEqual({
      phone: '+383 49 111 222',
      email: null,
      address: null,
      preferredLanguage: 'sr',
    });
    const headers = fetchMock.mock.calls[1][1]?.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe(session.csrfToken);
  });

  it("shows the server's objection next to the field", async () => {
    stubApi({
      'GET /me': () => json(200, session),
      'PATCH /me': () =>
        json(422, {
          statusCode: 422,
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          errors: [{ field: 'email', message: 'Invalid email' }],
        }),
    });
    await renderPortal('/family/contact', await testI18n());
    const email = await screen.findByLabelText('Email');
    fireEvent.change(email, { target: { value: 'drita@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This does not look like an email address. Please check it.')).toBeDefined();
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('messages page', () => {
  it('shows the conversation, marks the replies read and adds a sent message', async () => {
    const fetchMock = stubApi({
      'GET /me': () => json(200, session),
      [`GET /cases/${CASE_ID}`]: () => json(200, caseDetail()),
      [`POST /cases/${CASE_ID}/messages/read`]: () => json(200, { updated: 1 }),
      [`POST /cases/${CASE_ID}/messages`]: () =>
        json(201, {
          id: '44444444-2222-4333-8444-555555555555',
          at: '2026-11-21T10:00:00.000Z',
          from: 'FAMILY',
          body: 'Monday is fine.',
          meetingRequested: true,
          authorName: null,
          readAt: null,
        }),
    });
    await renderPortal(`/family/cases/${CASE_ID}/messages`, await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Messages' })).toBeDefined();
    expect(screen.getByText('Hello, I will call you on Monday.')).toBeDefined();
    expect(screen.getByText('Teuta Officer')).toBeDefined();
    expect(screen.getByText('New')).toBeDefined();
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([input]) => String(input).endsWith('/messages/read'))).toBe(true),
    );

    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Monday is fine.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'I would like a meeting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('You asked for a meeting.')).toBeDefined();
    const thread = within(screen.getByRole('region', { name: 'Conversation' })).getAllByRole('listitem');
    expect(thread).toHaveLength(2);
    expect(within(thread[1]).getByText('Monday is fine.')).toBeDefined();
    expect(within(thread[1]).getByText('You')).toBeDefined();
  });
});
