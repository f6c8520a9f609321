import type { BackendModule, ReadCallback } from 'i18next';
import { mapTranslationTree, toSerbianCyrillic, type TranslationTree } from './cyrillic';
import type { UiLanguage } from './languages';

// Every locales/<language>/<namespace>.json becomes its own chunk: a page downloads only the
// namespaces it uses, in the language being shown. sr-Cyrl has no files: it is generated from
// sr-Latn.
const loaders = import.meta.glob<TranslationTree>('./locales/*/*.json', { import: 'default' });

export type SourceLanguage = Exclude<UiLanguage, 'sr-Cyrl'>;
export const SOURCE_LANGUAGES: readonly SourceLanguage[] = ['sq', 'sr-Latn', 'en'];

export async function loadTranslations(language: UiLanguage, namespace: string): Promise<TranslationTree> {
  const source: SourceLanguage = language === 'sr-Cyrl' ? 'sr-Latn' : language;
  const load = loaders[`./locales/${source}/${namespace}.json`];
  if (!load) throw new Error(`No translations for namespace "${namespace}" in ${source}`);
  const tree = await load();
  return language === 'sr-Cyrl' ? mapTranslationTree(tree, toSerbianCyrillic) : tree;
}

export const translationsBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    loadTranslations(language as UiLanguage, namespace).then(
      (tree) => callback(null, tree),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};
