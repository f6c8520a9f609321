import { ErrorResponseSchema } from '@mprc/contracts';
import { z } from 'zod';
import type { RouteInfo } from '../http/route-inventory.js';
import { APP_VERSION } from '../../version.js';

type Json = Record<string, unknown>;

// zod 4 writes JSON Schema itself; shared schemas with `.meta({ id })` come out as $defs, which
// become OpenAPI components.
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const result = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', reused: 'inline' });
  const rewritten = JSON.parse(JSON.stringify(result).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json & {
    $defs?: Json;
  };
  const { $defs, ...rest } = rewritten;
  if ($defs) Object.assign(components, $defs);
  return rest;
}

function queryParameters(schema: z.ZodType, components: Json): Json[] {
  const json = toSchema(schema, 'input', components) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

/** Builds the OpenAPI 3 document from the routes and the zod contracts they validate with. */
export function buildOpenApiDocument(routes: RouteInfo[]): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  const errorRef = { $ref: '#/components/schemas/ErrorResponse' };
  components.ErrorResponse = toSchema(ErrorResponseSchema, 'output', components);

  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = r.method.toLowerCase();
    const status = String(r.doc?.status ?? (r.method === 'POST' ? 201 : 200));
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: r.schemas.params?.[m[1]] ? toSchema(r.schemas.params[m[1]], 'input', components) : { type: 'string' },
    }));
    const operation: Json = {
      operationId: `${r.controller.replace(/Controller$/, '')}_${r.handler}`,
      summary: r.doc?.summary ?? r.handler,
      ...(r.doc?.description ? { description: r.doc.description } : {}),
      tags: r.doc?.tags ?? [r.controller.replace(/Controller$/, '').toLowerCase()],
      parameters: [...params, ...(r.schemas.query ? queryParameters(r.schemas.query, components) : [])],
      ...(r.schemas.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(r.schemas.body, 'input', components) } },
            },
          }
        : {}),
      responses: {
        [status]: r.doc?.produces
          ? {
              description: 'OK',
              content: Object.fromEntries(
                r.doc.produces.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
              ),
            }
          : r.doc?.response
            ? {
                description: 'OK',
                content: { 'application/json': { schema: toSchema(r.doc.response, 'output', components) } },
              }
            : { description: 'OK' },
        default: { description: 'Error', content: { 'application/json': { schema: errorRef } } },
      },
      'x-permission': r.isPublic ? 'public' : r.permission,
      ...(r.isPublic ? { security: [] } : {}),
    };
    paths[path] = { ...paths[path], [method]: operation };
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'Missing Persons Resource Center API',
      version: APP_VERSION,
      description:
        'Case management for missing-persons resource centers. Sign in with POST /api/v1/auth/login; send the returned csrfToken as X-CSRF-Token on every POST, PUT, PATCH and DELETE. Each operation names the permission it needs (x-permission).',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mprc_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
