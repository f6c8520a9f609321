import 'i18next';
import type common from './locales/en/common.json';
import type family from './locales/en/family.json';
import type status from './locales/en/status.json';

// English is the reference for key names; the completeness test holds the other languages to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; status: typeof status; family: typeof family };
  }
}
