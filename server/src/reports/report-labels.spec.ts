import { CASE_FILTER_KEYS, UI_LANGUAGES, type UiLanguage } from '@mprc/contracts';
import { describe, expect, it } from 'vitest';
import { LABEL_KEYS, LABEL_SOURCES, reportLabels, type ReportText } from './report-labels.js';

/** Every label the reports can print, in one language. */
function allLabels(language: UiLanguage): string[] {
  const l = reportLabels(language);
  return [
    ...LABEL_KEYS.FATE.map(l.fate),
    ...LABEL_KEYS.WORKFLOW.map(l.workflow),
    ...LABEL_KEYS.SEX.map(l.sex),
    ...LABEL_KEYS.AGE.map(l.ageGroup),
    ...LABEL_KEYS.GROUP_TITLES.map(l.groupTitle),
    ...LABEL_KEYS.COLUMNS.map(l.column),
    ...CASE_FILTER_KEYS.map(l.filter),
    ...(Object.keys(LABEL_SOURCES.TEXTS) as ReportText[]).map((k) => l.text(k, { page: 1, pages: 2 })),
  ];
}

describe('report labels', () => {
  it('has every entry in Albanian, Serbian Latin and English', () => {
    for (const [table, entries] of Object.entries(LABEL_SOURCES)) {
      for (const [key, texts] of Object.entries(entries)) {
        for (const language of ['sq', 'sr-Latn', 'en'] as const)
          expect(texts[language]?.trim(), `${table}.${key}.${language}`).toBeTruthy();
      }
    }
  });

  it('covers every status, sex, age group, breakdown and column', () => {
    for (const [table, keys] of Object.entries(LABEL_KEYS))
      expect(Object.keys(LABEL_SOURCES[table as keyof typeof LABEL_KEYS]).sort(), table).toEqual([...keys].sort());
  });

  it('gives a non-empty text for everything in all four languages', () => {
    for (const language of UI_LANGUAGES) for (const text of allLabels(language)) expect(text.trim()).toBeTruthy();
  });

  it('writes Serbian Cyrillic from the Latin, leaving no Latin letter', () => {
    expect(reportLabels('sr-Cyrl').fate('MISSING')).toBe('Нестало лице');
    expect(reportLabels('sr-Cyrl').text('reportTitle')).toBe('Извештај о случајевима');
    for (const text of allLabels('sr-Cyrl')) expect(text, text).not.toMatch(/[A-Za-zčćđšžČĆĐŠŽ]/);
  });

  it('fills placeholders', () => {
    expect(reportLabels('en').text('page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(reportLabels('sq').text('page', { page: 2, pages: 5 })).toBe('Faqja 2 nga 5');
  });
});
