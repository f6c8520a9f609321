import { describe, expect, it } from 'vitest';
import { KEEP_LATIN_WORDS, mapTranslationTree, toSerbianCyrillic, type TranslationTree } from './cyrillic';
import { UI_LANGUAGES, type UiLanguage } from './languages';
import { loadTranslations, SOURCE_LANGUAGES } from './resources';

// The same files the app loads lazily, read eagerly here.
const files = import.meta.glob<TranslationTree>('./locales/*/*.json', { eager: true, import: 'default' });

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*(-\s*)?([^},\s]+)[^}]*\}\}|\$t\(([^)]*)\)|<\/?([\w-]+)[^>]*>/g;

type Flat = Map<string, string>;

function flatten(tree: TranslationTree, prefix = '', out: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, out);
    else out.set(path, `\u0000not a string or object: ${JSON.stringify(value)}`);
  }
  return out;
}

/** Plural forms (`key_one`, `key_few`...) count as one logical key whose forms differ by language. */
function logicalKey(key: string): { base: string; form?: string } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: key.slice(0, match.index), form: match[1] } : { base: key };
}

function placeholders(text: string, ignoreCount: boolean): string {
  const found = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [, , variable, nested, tag] = match;
    if (variable && !(ignoreCount && variable === 'count')) found.add(`{{${variable}}}`);
    if (nested) found.add(`$t(${nested})`);
    if (tag) found.add(`<${tag}>`);
  }
  return [...found].sort().join(' ');
}

function byLanguage(): Record<UiLanguage, Record<string, Flat>> {
  const result = Object.fromEntries(UI_LANGUAGES.map((language) => [language, {}])) as Record<
    UiLanguage,
    Record<string, Flat>
  >;
  for (const [path, tree] of Object.entries(files)) {
    const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    expect(SOURCE_LANGUAGES, `unexpected locale folder ${language}`).toContain(language);
    result[language as UiLanguage][namespace] = flatten(tree);
    if (language === 'sr-Latn') result['sr-Cyrl'][namespace] = flatten(mapTranslationTree(tree, toSerbianCyrillic));
  }
  return result;
}

const resources = byLanguage();
const namespaces = [...new Set(Object.values(resources).flatMap((nss) => Object.keys(nss)))].sort();

describe('translations', () => {
  it('has the same namespaces in every language', () => {
    expect(namespaces).toContain('common');
    for (const language of UI_LANGUAGES) expect(Object.keys(resources[language]).sort(), language).toEqual(namespaces);
  });

  it('has every key in every language, with a non-empty text', () => {
    const problems: string[] = [];
    for (const namespace of namespaces) {
      const keysOf = (language: UiLanguage) =>
        new Set([...(resources[language][namespace] ?? new Map()).keys()].map((key) => logicalKey(key).base));
      const all = new Set(UI_LANGUAGES.flatMap((language) => [...keysOf(language)]));
      for (const language of UI_LANGUAGES) {
        const own = keysOf(language);
        for (const key of all) if (!own.has(key)) problems.push(`${language} ${namespace}:${key} is missing`);
        for (const [key, text] of resources[language][namespace] ?? []) {
          if (text.trim() === '') problems.push(`${language} ${namespace}:${key} is empty`);
          if (text.startsWith('\u0000')) problems.push(`${language} ${namespace}:${key} ${text.slice(1)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has exactly the plural forms each language's grammar needs", () => {
    const problems: string[] = [];
    for (const language of UI_LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
      for (const namespace of namespaces) {
        const forms = new Map<string, Set<string>>();
        for (const key of resources[language][namespace].keys()) {
          const { base, form } = logicalKey(key);
          if (form) forms.set(base, (forms.get(base) ?? new Set()).add(form));
        }
        for (const [base, present] of forms) {
          for (const form of needed)
            if (!present.has(form)) problems.push(`${language} ${namespace}:${base}_${form} is missing`);
          for (const form of present) {
            if (!needed.includes(form) && form !== 'zero')
              problems.push(`${language} ${namespace}:${base}_${form} is not a ${language} plural form`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses the same placeholders, nested keys and tags in every language', () => {
    const problems: string[] = [];
    for (const namespace of namespaces) {
      const reference = resources.en[namespace];
      for (const language of UI_LANGUAGES) {
        for (const [key, text] of resources[language][namespace]) {
          const { base, form } = logicalKey(key);
          // Plural forms may leave out {{count}} ("One update"); every other placeholder must match.
          const referenceText = form ? (reference.get(`${base}_other`) ?? '') : (reference.get(key) ?? '');
          const expected = placeholders(referenceText, Boolean(form));
          const actual = placeholders(text, Boolean(form));
          if (actual !== expected)
            problems.push(`${language} ${namespace}:${key} has "${actual}", English has "${expected}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('generates Serbian Cyrillic with no Latin letters outside placeholders and allowed words', () => {
    const latin = /\p{Script=Latin}/u;
    const allowed = new RegExp(
      String.raw`\{\{.*?\}\}|\$t\([^)]*\)|<[^>]*>|\b(?:${KEEP_LATIN_WORDS.join('|')})\b`,
      'gu',
    );
    const problems: string[] = [];
    for (const namespace of namespaces) {
      for (const [key, text] of resources['sr-Cyrl'][namespace]) {
        const rest = text.replace(allowed, '');
        if (latin.test(rest)) problems.push(`sr-Cyrl ${namespace}:${key} = "${text}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads the generated Cyrillic through the same loader the app uses', async () => {
    const common = await loadTranslations('sr-Cyrl', 'common');
    expect(flatten(common).get('nav.status')).toBe('Стање система');
    await expect(loadTranslations('en', 'no-such-namespace')).rejects.toThrow(/no-such-namespace/);
  });
});

describe('toSerbianCyrillic', () => {
  it('transliterates text and keeps i18next syntax and allowed words', () => {
    expect(toSerbianCyrillic('Zahtev za traženje {{reference}} poslat je ICRC-u i ICMP.')).toBe(
      'Захтев за тражење {{reference}} послат је ICRC-у и ICMP.',
    );
    expect(toSerbianCyrillic('Vidi $t(nav.status) i <strong>Đakovica</strong>')).toBe(
      'Види $t(nav.status) и <strong>Ђаковица</strong>',
    );
  });
});
