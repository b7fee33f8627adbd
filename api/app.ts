/** createApp(deps): the Express app, with every dependency injected (server.ts only listens). */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import type { ProfileRegistry } from '../profiles/load';
import { ClockError, type ClockService } from '../services/clocks';
import { Authentication, identify, requireCaller } from './auth';
import { openApiDocument } from './openapi';
import { HttpProblem, clockProblem, sendProblem } from './problem';
import { calendarRoutes } from './routes/calendar';
import { inboxRoutes } from './routes/inbox';
import { reportRoutes } from './routes/reports';
import { nationalDays } from '../management/timeliness';
import { processRoutes } from './routes/processes';
import { familyRoutes } from './routes/families';
import { rateLimitPerCaller } from './rateLimit';
import { noStore, securityHeaders } from './securityHeaders';
import type { DirectoryData } from '../management/directory';

export interface AppDeps {
  /** The running clocks: Temporal's (services/temporalClocks.ts), or a test's in-process fake. */
  clocks: ClockService;
  profiles: ProfileRegistry;
  logger: Logger;
  /** Development tokens, or OIDC with its verifier (api/oidc.ts). */
  auth: Authentication;
  /** Requests per minute per caller (api/rateLimit.ts); 0 = no limit. Tests and benchmarks raise it. */
  rateLimitPerMinute: number;
  production?: boolean;
  /** Who manages what (config/directory.json): the areas that scope lists, inboxes and reports. */
  directory: DirectoryData;
}

const CORRELATION = /^[A-Za-z0-9._-]{1,64}$/;
/** Request bodies are single events and starts, a few hundred bytes; anything near this is a mistake or an attack. */
export const BODY_LIMIT = '100kb';

export function createApp(deps: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
        const id = typeof given === 'string' && CORRELATION.test(given) ? given : randomUUID();
        res.setHeader('x-correlation-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Case ids travel in paths and bodies; logs keep the route and status, not the body.
      serializers: {
        req: (req) => ({
          id: req.id,
          method: req.method,
          url: String(req.url).replace(/caseId=[^&]*/g, 'caseId=[redacted]'),
        }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use((req: Request, _res: Response, next: NextFunction) => {
    req.correlationId = String(req.id);
    next();
  });
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.clocks.health();
      res.json({ status: 'ok', temporal: 'ok', profiles: deps.profiles.ids() });
    } catch (err) {
      res
        .status(503)
        .type('application/problem+json')
        .json({ title: 'Unavailable', status: 503, detail: `Temporal is not reachable: ${(err as Error).message}` });
    }
  });
  app.get('/openapi.json', (_req, res) => res.json(openApiDocument(deps.profiles.ids())));
  // The timeliness dashboard: static files; the page sends the caller's own bearer token to /api.
  app.use('/dashboard', express.static(resolve(__dirname, 'dashboard'), { index: 'index.html' }));

  // Who is calling, then the limit (per caller, or per address for those who prove no one), then the
  // refusal of callers not proven, and only then the body is read.
  app.use(
    '/api',
    identify(deps.auth),
    rateLimitPerCaller(deps.rateLimitPerMinute),
    requireCaller,
    noStore,
    express.json({ limit: BODY_LIMIT }),
  );
  app.use('/api', processRoutes({ clocks: deps.clocks, directory: deps.directory }));
  app.use('/api', familyRoutes({ clocks: deps.clocks, directory: deps.directory }));
  app.use('/api', inboxRoutes({ clocks: deps.clocks, directory: deps.directory }));
  app.use(
    '/api',
    reportRoutes({
      clocks: deps.clocks,
      directory: deps.directory,
      nationalDays: nationalDays((type) => deps.profiles.resolve('england', type)),
    }),
  );
  app.use('/api', calendarRoutes(deps.profiles));
  app.use((req, _res, next) => next(new HttpProblem(404, 'Not found', `no route ${req.method} ${req.path}`)));

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpProblem) return sendProblem(res, err, req.correlationId);
    if (err instanceof ClockError) return sendProblem(res, clockProblem(err), req.correlationId);
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed')
      return sendProblem(
        res,
        new HttpProblem(400, 'Invalid request', 'the body is not valid JSON', [
          { field: 'body', message: 'invalid JSON' },
        ]),
        req.correlationId,
      );
    if (e?.type === 'entity.too.large')
      return sendProblem(
        res,
        new HttpProblem(413, 'Too large', 'the body is over 100 kB', [{ field: 'body', message: 'too large' }]),
        req.correlationId,
      );
    req.log.error({ err }, 'unhandled error');
    const detail = deps.production ? 'internal error' : (e?.message ?? 'internal error');
    const temporalDown = /UNAVAILABLE|ECONNREFUSED|deadline/i.test(e?.message ?? '');
    return sendProblem(
      res,
      new HttpProblem(temporalDown ? 503 : 500, temporalDown ? 'Unavailable' : 'Internal error', detail),
      req.correlationId,
    );
  });
  return app;
}
