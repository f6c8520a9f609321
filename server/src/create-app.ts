import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import 'reflect-metadata';
import { AppModule } from './app.module.js';
import { API_PREFIX } from './common/http/route-inventory.js';
import { AppError } from './common/errors/app-error.js';
import { createLogger, PinoNestLogger } from './common/logging/logger.js';
import { CLIENT_DIST, spaFallback } from './common/http/spa-fallback.js';
import type { Config } from './config/config.js';

const SWAGGER_UI_DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface CreateAppOptions {
  logger?: Logger;
}

/** Builds the HTTP application (not listening yet). Used by main.ts and by the integration tests. */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Honour a caller's request id when it is sane, so one id follows a request across services.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // Fastify's own JSON parser (bodyLimit above) only: Nest's would add a form-urlencoded one, and
    // a form post would reach the handlers as fields (400) instead of 415 UNSUPPORTED_MEDIA_TYPE.
    bodyParser: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const fastify = app.getHttpAdapter().getInstance();
  // The API takes JSON (and multipart uploads) only: without this, a text/plain body reached the
  // handlers as a string (400 VALIDATION_FAILED) instead of 415 UNSUPPORTED_MEDIA_TYPE.
  fastify.removeContentTypeParser('text/plain');

  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('Cache-Control')) {
      void reply.header('Cache-Control', 'no-store');
    }
  });

  await app.register(fastifyCookie as never);
  // File uploads (case attachments): one file per request, at most UPLOAD_LIMIT_BYTES (413 beyond).
  // Only multipart/form-data requests are parsed by it; JSON routes are unaffected.
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
  });
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  // Per-IP limits for the routes that opt in (sign-in): per instance, which is safe with several
  // instances (each limits on its own); account lockout is counted in PostgreSQL.
  await app.register(fastifyRateLimit as never, {
    global: false,
    max: config.AUTH_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_req: unknown, ctx: { ttl: number }) =>
      new AppError('RATE_LIMITED', 'Too many requests from this address; try again shortly', {
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(ctx.ttl / 1000))) },
      }),
  });

  await app.register(fastifyStatic as never, {
    root: SWAGGER_UI_DIST,
    prefix: `/${API_PREFIX}/docs/assets/`,
    decorateReply: false,
    allowedPath: (path: string) => /^\/(swagger-ui\.css|swagger-ui-bundle\.js)$/.test(path),
  });

  const hasClient = existsSync(join(CLIENT_DIST, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic as never, {
      root: CLIENT_DIST,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      // Hashed bundles never change; the HTML entry points must always be revalidated.
      // @fastify/static 10 passes the Fastify reply (header()), not the Node response (setHeader()).
      setHeaders: (reply: { header(k: string, v: string): unknown }, path: string) => {
        reply.header(
          'Cache-Control',
          /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  spaFallback.enabled = hasClient;
  return app;
}
