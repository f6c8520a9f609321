// `node bench/search-probe.mjs <DATABASE_URL> [N] [explain]` (after `npm run build`)
//
// Times CaseSearchRepository.list() directly on a bench database (no HTTP) with the benchmark's
// query mix (a third each Cyrillic, Latin, misspelled; 70% "first last"), as a manager, page 1,
// by kind of query; with `explain`, also the PostgreSQL execution time of each page statement
// (EXPLAIN ANALYZE of the same SQL, run before it). ONLY="<query>" times one query, PLAN=1 prints
// the plans, VERBOSE=1 each query. The bench database: `npm run bench -- --cases N --data-dir DIR`.
import pg from 'pg';
const dist = '/work/main/server/dist/';
const { CaseSearchRepository } = await import(dist + 'cases/case-search.repository.js');
const { ALL_NAME_SETS, COMMUNITY_WEIGHTS } = await import(dist + 'scale/names.js');
const { spell, typo } = await import(dist + 'scale/spelling.js');
const { Random } = await import(dist + 'scale/random.js');
const url = process.argv[2];
const n = Number(process.argv[3] ?? 60);
const explain = process.argv[4] === 'explain';
const pool = new pg.Pool({ connectionString: url, max: 2 });
let pgms = 0;
const origConnect = pool.connect.bind(pool);
pool.connect = async () => {
  const c = await origConnect();
  if (c.probed) return c;
  c.probed = true;
  const q = c.query.bind(c);
  c.query = async (text, values) => {
    if (explain && typeof text === 'string' && /LATERAL/.test(text)) {
      const e = await q(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
      pgms += e.rows[0]['QUERY PLAN'][0]['Execution Time'];
      if (process.env.PLAN)
        console.log(
          (await q(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n'),
        );
    }
    return q(text, values);
  };
  return c;
};
const repo = new CaseSearchRepository({ pool });
const r = new Random(7);
const weights = [COMMUNITY_WEIGHTS.ALBANIAN, COMMUNITY_WEIGHTS.SERB, 1, 1, 3, 3, 2, 1, 1];
const total = weights.reduce((a, b) => a + b, 0);
const pickSet = () => {
  let x = r.next() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return ALL_NAME_SETS[i];
  return ALL_NAME_SETS[0];
};
const queries = [];
for (let i = 0; i < n; i++) {
  const set = pickSet();
  const first = r.pick(set.male);
  const last = r.pick(set.surnames);
  const kind = ['cyrillic', 'latin', 'misspelled'][i % 3];
  const script = kind === 'cyrillic' ? 'srCyrl' : kind === 'latin' ? r.pick(['sq', 'srLatn', 'ascii']) : 'ascii';
  let surname = spell(last, set.orthography, script);
  if (kind === 'misspelled') surname = typo(surname, (k) => r.int(k));
  const two = r.chance(0.7);
  queries.push({
    q: two ? `${spell(first, set.orthography, script)} ${surname}` : surname,
    kind: kind + (two ? '/2w' : '/1w'),
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = {};
if (process.env.ONLY) queries.splice(0, queries.length, { q: process.env.ONLY, kind: 'one' });
const scope = { kind: 'all' };
for (const { q, kind } of queries) {
  pgms = 0;
  const t = performance.now();
  const page = await repo.list(scope, { q, page: 1, pageSize: 25 }, undefined);
  const ms = performance.now() - t;
  (stats[kind] ??= []).push({ ms, pgms, total: page.total, lb: page.totalIsLowerBound });
  if (process.env.VERBOSE)
    console.log(kind, JSON.stringify(q), ms.toFixed(1), pgms.toFixed(1), page.total, page.totalIsLowerBound);
}
const all = Object.values(stats)
  .flat()
  .map((s) => s.ms)
  .sort((a, b) => a - b);
for (const [k, v] of Object.entries(stats)) {
  const ms = v.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    k.padEnd(16),
    'n',
    v.length,
    'median',
    ms[Math.floor(ms.length / 2)].toFixed(1),
    'max',
    ms.at(-1).toFixed(1),
    explain ? 'pg exec median ' + median(v.map((s) => s.pgms)).toFixed(1) : '',
    'lowerBound',
    v.filter((s) => s.lb).length,
    'totals',
    v.map((s) => s.total).join(','),
  );
}
console.log(
  'all: median',
  all[Math.floor(all.length / 2)].toFixed(1),
  'p95',
  all[Math.floor(all.length * 0.95)].toFixed(1),
);
await pool.end();
