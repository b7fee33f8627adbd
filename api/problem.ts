/** RFC 9457 problem+json, always naming the field that failed. */
import type { Response } from 'express';
import type { ZodError, z } from 'zod';
import type { ClockError } from '../services/clocks';

export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export function fromZod(error: ZodError, prefix: string): HttpProblem {
  const field = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  // An unknown field is named itself (the request schemas are strict: a misspelt field is never dropped).
  const errors = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: field([...i.path, k]), message: 'unknown field' }))
      : [{ field: field(i.path), message: i.message }],
  );
  return new HttpProblem(400, 'Invalid request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

export function sendProblem(res: Response, problem: HttpProblem, correlationId?: string) {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `https://statutory-clocks.local/problems/${problem.status}`,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      ...(problem.errors.length ? { errors: problem.errors } : {}),
      ...(correlationId ? { correlationId } : {}),
    });
}

/** 404 naming what is missing, e.g. notFound('workflowId', 'no process X'). */
export function notFound(field: string, message: string): HttpProblem {
  return new HttpProblem(404, 'Not found', message, [{ field, message: 'not found' }]);
}

/** The value as `schema` reads it, or a 400 naming each failing field under `where` (body, query, a path part). */
export function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}

/** A clock's refusal of an event (engine/events/index.ts Rejection): 409 a conflict, 403 an approval, 422 otherwise. */
export function rejectionStatus(rejection: { conflict?: boolean; forbidden?: boolean }): 409 | 403 | 422 {
  return rejection.conflict ? 409 : rejection.forbidden ? 403 : 422;
}

export const PROBLEM_TITLES = { 409: 'Conflict', 403: 'Forbidden', 422: 'Unprocessable' } as const;

/** A clock's read or event failure (services/clocks.ts ClockError) as the caller hears it. */
export function clockProblem(err: ClockError): HttpProblem {
  switch (err.kind) {
    case 'not-found':
      return notFound('workflowId', err.message);
    case 'not-ready':
      return new HttpProblem(503, 'Not ready', err.message);
    case 'unavailable':
      return new HttpProblem(503, 'Unavailable', err.message);
    case 'closed':
      return new HttpProblem(409, 'Conflict', err.message, [{ field: 'workflowId', message: 'process closed' }]);
    case 'rejected': {
      const rejection = err.rejection ?? {};
      const status = rejectionStatus(rejection);
      return new HttpProblem(status, PROBLEM_TITLES[status], err.message, [
        { field: rejection.field ? `body.${rejection.field}` : 'body', message: rejection.message ?? err.message },
      ]);
    }
  }
}
