import type {} from '@fastify/multipart';
import { createParamDecorator, Param, PipeTransform, Query, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '@mprc/contracts';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export type RequestPart = 'body' | 'query' | 'params';

export function zodIssuesToFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      field: [prefix, path].filter(Boolean).join('.') || (prefix ?? '(root)'),
      message: issue.message,
      code: issue.code,
    };
  });
}

/** Validates one part of the request with a zod schema; a failure is a 400 naming each field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly part: RequestPart,
    private readonly fieldPrefix?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    if (this.part === 'body' && value === undefined) {
      throw new AppError('MALFORMED_REQUEST', 'A JSON body is required');
    }
    const result = this.schema.safeParse(value);
    if (!result.success) throw AppError.validation(zodIssuesToFieldErrors(result.error.issues, this.fieldPrefix));
    // PostgreSQL text and jsonb cannot hold U+0000: a string the schema let through with one (a
    // sign-in e-mail, a case number, a mapping's column name) would fail in the database as a 500.
    const nul = nulPath(result.data);
    if (nul !== null) {
      const field = [this.fieldPrefix, nul].filter(Boolean).join('.') || (this.fieldPrefix ?? '(root)');
      throw AppError.validation([{ field, message: 'Must not contain a NUL character', code: 'custom' }]);
    }
    return result.data;
  }
}

/** The path of the first string (value or object key) holding U+0000, or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at;
      const found = nulPath(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

// Metadata read by the OpenAPI builder: which schema documents which part of a route.
export const DOC_SCHEMAS = Symbol('mprc:doc-schemas');
export interface DocSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: Record<string, z.ZodType>;
}

function recordSchema(target: object, key: string | symbol | undefined, update: (d: DocSchemas) => void): void {
  if (key === undefined) return;
  const method = (target as Record<string | symbol, unknown>)[key] as object;
  const current: DocSchemas = Reflect.getMetadata(DOC_SCHEMAS, method) ?? {};
  update(current);
  Reflect.defineMetadata(DOC_SCHEMAS, current, method);
}

// The JSON body. Multipart is parsed for every route (uploads need it), so a form sent to a JSON
// route would otherwise arrive as no body at all (400) instead of 415.
const JsonBody = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (request.isMultipart?.()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  return request.body;
});

/** `@ZBody(Schema)`: the body, validated and documented by the same zod schema. */
export function ZBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    recordSchema(target, key, (d) => (d.body = schema));
    JsonBody(new ZodPipe(schema, 'body'))(target, key, index);
  };
}

/** `@ZQuery(Schema)`: the whole query string, validated (coerced) and documented. */
export function ZQuery(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    recordSchema(target, key, (d) => (d.query = schema));
    Query(new ZodPipe(schema, 'query'))(target, key, index);
  };
}

/** `@ZParam('id', z.uuid())`: one path parameter. */
export function ZParam(name: string, schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    recordSchema(target, key, (d) => (d.params = { ...d.params, [name]: schema }));
    Param(name, new ZodPipe(schema, 'params', name))(target, key, index);
  };
}
