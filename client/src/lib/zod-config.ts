import { z } from 'zod';

// zod 4 probes for eval (`Function('')`) when it builds its first object schema, to compile fast
// parsers. The CSP (script-src 'self') forbids eval, so the probe only files a CSP violation
// report on every page. Imported first by the entry, before any schema exists.
z.config({ jitless: true });
