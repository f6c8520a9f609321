#!/usr/bin/env node
// What each page downloads before it can show anything, gzipped, from Vite's build manifest:
// the entry's static imports plus the lazy chunks its first screen always needs (the first
// route and the translations in one language). Fails when a page is over its budget.
// Usage: node client/scripts/check-bundle-size.mjs  (after `vite build`)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const LOCALES = 'src/lib/i18n/locales/sq';

const PAGES = [
  {
    // Someone not signed in: / -> /login. The auth texts load with the shell (root route loader).
    name: 'staff first page (/ -> /login)',
    entry: 'index.html',
    lazy: ['src/features/auth/routes/login-route.tsx', `${LOCALES}/common.json`, `${LOCALES}/auth.json`],
    budgetKb: 300,
  },
  {
    name: 'staff public status page (/status)',
    entry: 'index.html',
    lazy: [
      'src/features/status/routes/status-route.tsx',
      `${LOCALES}/common.json`,
      `${LOCALES}/auth.json`,
      `${LOCALES}/status.json`,
    ],
    budgetKb: 300,
  },
  {
    // A liaison officer or manager after sign-in: / -> /follow-ups.
    name: 'officer home (/follow-ups)',
    entry: 'index.html',
    lazy: [
      'src/features/follow-ups/routes/follow-ups-route.tsx',
      `${LOCALES}/common.json`,
      `${LOCALES}/auth.json`,
      `${LOCALES}/followups.json`,
      `${LOCALES}/cases.json`,
      `${LOCALES}/contacts.json`,
    ],
    budgetKb: 300,
  },
  {
    name: 'case list opened directly (/cases)',
    entry: 'index.html',
    lazy: [
      'src/features/cases/routes/cases-route.tsx',
      `${LOCALES}/common.json`,
      `${LOCALES}/auth.json`,
      `${LOCALES}/cases.json`,
    ],
    budgetKb: 300,
  },
  {
    name: 'family portal (/family)',
    entry: 'family.html',
    lazy: [`${LOCALES}/common.json`, `${LOCALES}/family.json`],
    budgetKb: 100,
  },
];

const gzipKb = (file) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length / 1024;

function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest: was it renamed? Update ${import.meta.url}`);
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => manifest[key]);
}

let failed = false;
for (const page of PAGES) {
  const chunks = closure([page.entry, ...page.lazy]);
  const js = chunks.map((chunk) => ({ file: chunk.file, kb: gzipKb(chunk.file) })).sort((a, b) => b.kb - a.kb);
  const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].map((file) => ({ file, kb: gzipKb(file) }));
  const jsTotal = js.reduce((sum, item) => sum + item.kb, 0);
  const cssTotal = css.reduce((sum, item) => sum + item.kb, 0);
  const over = jsTotal > page.budgetKb;
  failed ||= over;
  console.log(
    `\n${page.name}: ${jsTotal.toFixed(1)} KB JS gzipped (budget ${page.budgetKb} KB)${over ? '  OVER BUDGET' : ''}, CSS ${cssTotal.toFixed(1)} KB`,
  );
  for (const item of [...js, ...css]) console.log(`  ${item.kb.toFixed(1).padStart(7)} KB  ${item.file}`);
}
process.exit(failed ? 1 : 0);
