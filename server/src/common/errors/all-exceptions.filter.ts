import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorCode, ErrorResponse } from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS } from './app-error.js';
import { isDatabaseUnavailable } from './database-errors.js';
import { spaFallback } from '../http/spa-fallback.js';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns anything thrown into the one error shape. Never sends a stack trace. */
export function toErrorResponse(
  exception: unknown,
  requestId?: string,
): { body: ErrorResponse; headers?: Record<string, string> } {
  const make = (code: ErrorCode, message: string, extra: Partial<ErrorResponse> = {}, status = ERROR_STATUS[code]) => ({
    statusCode: status,
    code,
    message,
    ...extra,
    ...(requestId ? { requestId } : {}),
  });

  if (exception instanceof AppError) {
    const { errors, details, headers } = exception.options;
    return {
      body: make(exception.code, exception.message, { ...(errors ? { errors } : {}), ...(details ? { details } : {}) }),
      headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST');
    const message = status === 404 ? 'Not found' : exception.message;
    return { body: make(code, message, {}, status) };
  }
  const fst = exception as { code?: string; statusCode?: number; message?: string };
  if (typeof fst?.code === 'string' && fst.code.startsWith('FST_')) {
    // Fastify's own errors: body parsing, limits, media types.
    if (fst.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fst.statusCode === 413)
      return { body: make('PAYLOAD_TOO_LARGE', 'The request body is too large') };
    if (fst.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fst.statusCode === 415)
      return { body: make('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type') };
    if (fst.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return { body: make('MALFORMED_REQUEST', 'The JSON body is empty') };
    if (fst.statusCode && fst.statusCode < 500)
      return { body: make('MALFORMED_REQUEST', 'The request could not be read', {}, fst.statusCode) };
  }
  if (exception instanceof SyntaxError && /JSON/i.test(exception.message)) {
    return { body: make('MALFORMED_REQUEST', 'The request body is not valid JSON') };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      body: make('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly'),
      headers: { 'Retry-After': '5' },
    };
  }
  return { body: make('INTERNAL', 'An unexpected error occurred') };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (exception instanceof HttpException && exception.getStatus() === 404 && spaFallback.handle(request, reply))
      return;
    const { body, headers } = toErrorResponse(exception, request.id);
    if (body.statusCode >= 500 && body.code !== 'SERVICE_UNAVAILABLE') {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    } else if (body.code === 'SERVICE_UNAVAILABLE') {
      this.logger.warn({ requestId: request.id, reason: (exception as Error)?.message }, 'Database unavailable');
    }
    if (reply.sent) return;
    if (headers) void reply.headers(headers);
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
