// Loaded before the app (index.html): zod compiles object parsers with `new Function` unless told
// not to, and since zod 4.6 it probes for that when a schema is built, i.e. while the app's
// modules load. Under our CSP (script-src 'self', no 'unsafe-eval') the probe is refused and
// reported as a violation on every page. zod reads this global when it starts; the interpreted
// parser is plenty fast for API responses. A classic script, so it runs before any module.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
