import { NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { toErrorResponse } from './all-exceptions.filter.js';

describe('toErrorResponse', () => {
  it('maps AppError with field errors', () => {
    const { body } = toErrorResponse(AppError.field('lastName', 'Required'), 'req-1');
    expect(body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'lastName: Required',
      errors: [{ field: 'lastName', message: 'Required' }],
      requestId: 'req-1',
    });
  });

  it('maps Nest and Fastify errors', () => {
    expect(toErrorResponse(new NotFoundException()).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(
      toErrorResponse(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).body,
    ).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(
      toErrorResponse(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).body
        .code,
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 503 when the database is unreachable, 500 with no detail otherwise', () => {
    const down = toErrorResponse(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(down.headers).toEqual({ 'Retry-After': '5' });
    expect(toErrorResponse(new Error('Query read timeout')).body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    const boom = toErrorResponse(new Error('secret internals'));
    expect(boom.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'An unexpected error occurred' });
  });
});
