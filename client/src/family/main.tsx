// The family portal: a separate entry that shares lib/ with the staff app but none of app/,
// and no Mantine JavaScript (see family.module.css), so it stays small on a phone.
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/baseline.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/lib/i18n';
import { FamilyApp } from './family-app';

async function start(root: HTMLElement) {
  const i18n = await createI18n({ namespaces: ['common', 'family'] });
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FamilyApp />
      </I18nextProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((error: unknown) => {
    console.error(error);
    root.textContent =
      'The page could not load. Please reload it. / Faqja nuk u ngarkua. Ju lutemi ringarkojeni. / Stranica nije učitana. Molimo vas, ponovo je učitajte.';
  });
}
