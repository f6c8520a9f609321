// First: zod's configuration must precede every schema (see the module).
import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

async function start(root: HTMLElement) {
  const i18n = await createI18n({ namespaces: ['common'] });
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((error: unknown) => {
    // Translations could not load either: a plain message in all three languages.
    console.error(error);
    root.textContent =
      'The application could not start. Reload the page. / Aplikacioni nuk u nis. Ringarkoni faqen. / Aplikacija nije pokrenuta. Ponovo učitajte stranicu.';
  });
}
