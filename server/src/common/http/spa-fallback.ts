import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PREFIX } from './route-inventory.js';

export const CLIENT_DIST = fileURLToPath(new URL('../../../../client/dist/', import.meta.url));

/** History fallback: GET paths that are neither API routes nor files serve the SPA's entry. */
export const spaFallback = {
  enabled: false,
  handle(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.enabled || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const path = request.url.split('?')[0];
    if (path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`)) return false;
    // A missing file (a stale hashed bundle, a typo'd asset) is a 404, not the SPA's HTML.
    if (path.startsWith('/assets/') || /\.[A-Za-z0-9]{1,8}$/.test(path)) return false;
    const entry = path === '/family' || path.startsWith('/family/') ? 'family.html' : 'index.html';
    if (!existsSync(join(CLIENT_DIST, entry))) return false;
    void reply.header('Cache-Control', 'no-cache');
    void (reply as FastifyReply & { sendFile(f: string): FastifyReply }).status(200).sendFile(entry);
    return true;
  },
};
