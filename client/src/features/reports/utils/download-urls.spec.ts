import { describe, expect, it } from 'vitest';
import { exportUrl, summaryPdfUrl } from './download-urls';

describe('download addresses', () => {
  it('carry the filters, the format, the columns in order and the language', () => {
    const url = new URL(
      exportUrl(
        { fateStatus: 'MISSING', q: 'Гаши' },
        { format: 'xlsx', columns: ['lastName', 'caseNumber'], anonymized: false, lang: 'sr-Cyrl' },
      ),
      'http://x',
    );
    expect(url.pathname).toBe('/api/v1/exports/cases');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fateStatus: 'MISSING',
      q: 'Гаши',
      format: 'xlsx',
      columns: 'lastName,caseNumber',
      lang: 'sr-Cyrl',
    });
  });

  it('asks for an anonymized file only when chosen', () => {
    const url = new URL(exportUrl({}, { format: 'csv', columns: ['sex'], anonymized: true, lang: 'sq' }), 'http://x');
    expect(url.searchParams.get('anonymized')).toBe('true');
  });

  it('points the PDF at the summary report', () => {
    expect(summaryPdfUrl({ officeCode: 'PRISTINA' }, 'en')).toMatch(
      /\/api\/v1\/reports\/summary\.pdf\?officeCode=PRISTINA&lang=en$/,
    );
  });
});
