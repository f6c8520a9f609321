import { FAMILY_STAGES as CONTRACT_STAGES } from '@mprc/contracts';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '@/lib/i18n';
import { FAMILY_STAGES } from '../lib/constants';
import { testI18n } from '../test-helpers';
import { StageSummary } from './stage';

describe('stage texts', () => {
  it('cover exactly the stages the server sends', () => {
    expect(FAMILY_STAGES).toEqual(CONTRACT_STAGES);
  });

  for (const language of UI_LANGUAGES) {
    it(`explain every stage in ${language}: a title, what it means, what happens next`, async () => {
      const i18n = await testI18n(language);
      const t = i18n.getFixedT(language, 'family');
      const titles = new Set<string>();
      for (const stage of FAMILY_STAGES) {
        for (const part of ['title', 'meaning', 'next'] as const) {
          const key = `stages.${stage}.${part}` as const;
          expect(i18n.exists(key, { ns: 'family' }), `${language} ${key}`).toBe(true);
          const text = t(key);
          expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(10);
          expect(text).not.toContain(stage);
          if (language === 'sr-Cyrl') expect(text).not.toMatch(/\p{Script=Latin}/u);
        }
        titles.add(t(`stages.${stage}.title`));
      }
      // Each stage reads differently.
      expect(titles.size).toBe(FAMILY_STAGES.length);
    });
  }

  it('shows the stage in words, never the internal key', async () => {
    const i18n = await testI18n('sr-Cyrl');
    render(
      <I18nextProvider i18n={i18n}>
        <StageSummary stage="REMAINS_RECOVERED" lastUpdateAt="2026-11-20T10:00:00.000Z" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Стање предмета' })).toBeDefined();
    expect(screen.getByText('Пронађени су посмртни остаци')).toBeDefined();
    expect(screen.queryByText(/REMAINS/)).toBeNull();
    expect(screen.getByText('20.11.2026')).toBeDefined();
  });
});
