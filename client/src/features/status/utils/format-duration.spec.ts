import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestI18n } from '@/testing/test-utils';
import { formatDuration, formatTime } from './format-duration';

describe('formatDuration', () => {
  let en: TFunction<'common'>;
  beforeAll(async () => {
    en = (await createTestI18n('en')).getFixedT('en', 'common');
  });

  it.each([
    [0, '0 seconds'],
    [42, '42 seconds'],
    [60, '1 minute'],
    [3_725, '1 hour, 2 minutes'],
    [90_061, '1 day, 1 hour'],
    [86_460, '1 day'],
  ])('%i seconds reads "%s"', (seconds, expected) => {
    expect(formatDuration(seconds, en)).toBe(expected);
  });

  it('uses each language’s plural forms', async () => {
    const sr = (await createTestI18n('sr-Cyrl')).getFixedT('sr-Cyrl', 'common');
    expect(formatDuration(2 * 86_400 + 5 * 3_600, sr)).toBe('2 дана и 5 сати');
    expect(formatDuration(21 * 86_400, sr)).toBe('21 дан');
    const sq = (await createTestI18n('sq')).getFixedT('sq', 'common');
    expect(formatDuration(2 * 86_400 + 7 * 3_600, sq)).toBe('2 ditë e 7 orë');
    expect(formatDuration(120, sq)).toBe('2 minuta');
  });
});

describe('formatTime', () => {
  it('uses a 24-hour clock', () => {
    expect(formatTime(new Date(2026, 0, 1, 15, 4, 5).getTime(), 'en')).toBe('15:04:05');
  });
});
