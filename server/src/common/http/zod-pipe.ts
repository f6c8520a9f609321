import { Body, Param, PipeTransform, Query } from '@nestjs/common';
import type { FieldError } from '@mprc/contracts';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export type RequestPart = 'body' | 'query' | 'params';

export function zodIssuesToFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || (prefix ?? '(root)'), message: issue.message, code: issue.code };
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
    return result.data;
  }
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

/** `@ZBody(Schema)`: the body, validated and documented by the same zod schema. */
export function ZBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    recordSchema(target, key, (d) => (d.body = schema));
    Body(new ZodPipe(schema, 'body'))(target, key, index);
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
