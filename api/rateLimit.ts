/**
 * Requests per minute per caller: the token's subject once it is proven, else the client address, so a
 * flood of bad or missing tokens is throttled too. Counts live in this process (one API instance;
 * several instances behind a balancer each count their own share). 0 turns the limit off.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpProblem, sendProblem } from './problem';

export function rateLimitPerCaller(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // RateLimit and RateLimit-Policy headers (IETF draft 7) on every answer; Retry-After once refused.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) =>
      req.caller ? `caller:${req.caller.subject}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (req, res) => {
      const who = req.caller ? `caller ${req.caller.subject}` : 'this address';
      const retry = res.getHeader('retry-after');
      sendProblem(
        res,
        new HttpProblem(
          429,
          'Too many requests',
          `${who} sent more than ${perMinute} requests in a minute; retry after ${retry} s`,
          [{ field: 'authorization', message: `over ${perMinute} requests per minute` }],
        ),
        req.correlationId,
      );
    },
  });
}
