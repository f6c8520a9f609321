#!/usr/bin/env node
// The load generator of `npm run bench`, run as its own process (so it never shares an event loop
// with the server under test): autocannon against one path at one concurrency, rotating through
// the given URLs. Prints one JSON line: successful requests and req/s, exact p50/p95/p99 (ms)
// over the successful responses, and the responses that were not 2xx (or timed out).
//
//   node bench/drive.mjs spec.json   { url, paths[], connections, seconds, method?, headers?, body? }
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (spec.priority) {
  try {
    os.setPriority(spec.priority);
  } catch {
    // not root: normal priority
  }
}
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
// Throughput and latency count successful (2xx) responses only: a fast 503 is not work done.
let responses = 0;
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  responses++;
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const result = await instance;
latencies.sort((a, b) => a - b);
const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    responses,
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
