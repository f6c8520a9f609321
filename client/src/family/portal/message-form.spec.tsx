import type { FamilyMessage } from '@mprc/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { bodyOf, CASE_ID, json, stubApi, testI18n } from '../test-helpers';
import { MessageForm } from './message-form';

const sent: FamilyMessage = {
  id: '33333333-2222-4333-8444-555555555555',
  at: '2026-11-21T10:00:00.000Z',
  from: 'FAMILY',
  body: 'Thank you.',
  meetingRequested: false,
  authorName: null,
  readAt: null,
};

async function renderForm(language: 'en' | 'sq' = 'en') {
  const onSent = vi.fn();
  render(
    <I18nextProvider i18n={await testI18n(language)}>
      <MessageForm caseId={CASE_ID} onSent={onSent} />
    </I18nextProvider>,
  );
  return onSent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('message form', () => {
  it('asks for words unless a meeting is requested', async () => {
    const fetchMock = stubApi({});
    await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    const body = screen.getByLabelText('Your message');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Please write your message/)).toBeDefined();
    expect(document.activeElement).toBe(body);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the message with the CSRF token, says so, and clears the form', async () => {
    setCsrfToken('csrf-1');
    const fetchMock = stubApi({ [`POST /cases/${CASE_ID}/messages`]: () => json(201, sent) });
    const onSent = await renderForm();
    expect(screen.getByText('4000 characters left')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: '  Thank you.  ' } });
    expect(screen.getByText('3986 characters left')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText(/Your message has been sent/)).toBeDefined();
    expect(bodyOf(fetchMock, `POST /cases/${CASE_ID}/messages`)).toEqual({
      body: 'Thank you.',
      meetingRequested: false,
    });
    const headers = fetchMock.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
    expect(onSent).toHaveBeenCalledWith(sent);
    expect((screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for a meeting with no words needed, written out in the family’s language', async () => {
    const fetchMock = stubApi({
      [`POST /cases/${CASE_ID}/messages`]: () => json(201, { ...sent, meetingRequested: true }),
    });
    await renderForm('sq');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dëshiroj një takim' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dërgoni mesazhin' }));
    expect(await screen.findByText(/Mesazhi juaj u dërgua/)).toBeDefined();
    expect(bodyOf(fetchMock, `POST /cases/${CASE_ID}/messages`)).toEqual({
      body: 'Dëshiroj një takim.',
      meetingRequested: true,
    });
    expect((screen.getByRole('checkbox', { name: 'Dëshiroj një takim' }) as HTMLInputElement).checked).toBe(false);
  });

  it('keeps the text when sending failed', async () => {
    stubApi({
      [`POST /cases/${CASE_ID}/messages`]: () => json(500, { statusCode: 500, code: 'INTERNAL', message: 'x' }),
    });
    const onSent = await renderForm();
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Are there any news?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Your message could not be sent. Please try again.')).toBeDefined();
    expect((screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('Are there any news?');
    expect(onSent).not.toHaveBeenCalled();
  });
});
