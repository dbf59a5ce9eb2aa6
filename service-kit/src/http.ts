import { AppError, ErrorStatus, type ApiError } from '@sunshine/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type z } from 'zod';

/** Parses `value` with a contract schema; bad input becomes a 400 listing each problem. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, code: 'bad_request' = 'bad_request'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError(code, details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '), details);
}

export const errorBody = (code: string, message: string, details?: unknown): ApiError => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Answers routes nobody registered with the standard error shape. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(ErrorStatus.no_such_endpoint).json(errorBody('no_such_endpoint', '没有这个接口（No such endpoint）。'));
};

/** Maps every error to `{ error: { code, message } }` and its status; logs only the unexpected. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof AppError) {
      res.status(err.status).json(errorBody(err.code, err.message, err.details));
      return;
    }
    const type = typeof err === 'object' && err !== null && 'type' in err ? String(err.type) : '';
    if (type === 'entity.too.large') {
      res.status(ErrorStatus.payload_too_large).json(errorBody('payload_too_large', 'The request body is too large.'));
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json(errorBody('bad_request', 'The request body is not valid JSON.'));
      return;
    }
    logger.error({ err }, 'unhandled error');
    res.status(500).json(errorBody('internal', 'Something went wrong on our side.'));
  };
}
