#!/usr/bin/env node
// The load generator of `npm run bench`, run as its own process (so it never shares an event loop
// with the server under test): autocannon against one path at one concurrency, rotating through
// the given URLs. Prints one JSON line: requests, req/s, exact p50/p95/p99 (ms) from every
// response's latency, and the responses that were not 2xx.
//
//   node bench/drive.mjs spec.json   { url, paths[], connections, seconds, method?, headers?, body? }
import fs from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let next = 0;
const latencies = [];
const statuses = {};

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const instance = autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: spec.method ?? 'GET',
  headers: spec.headers ?? {},
  timeout: 30,
  requests: [
    {
      setupRequest(req) {
        const path = spec.paths[next++ % spec.paths.length];
        return { ...req, path, ...(spec.body ? { body: JSON.stringify(spec.body) } : {}) };
      },
    },
  ],
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const result = await instance;
latencies.sort((a, b) => a - b);
const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    seconds,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  })}\n`,
);
