/**
 * Who is calling and what they may do. Development accepts documented tokens `dev-<role>` (e.g.
 * `Authorization: Bearer dev-team-manager`), or `dev-<role>.<personId>` naming a person in the directory
 * (`dev-team-manager.tm-derb-north`), which lists and inboxes need to know the caller's area. Production
 * verifies OIDC bearer tokens (api/oidc.ts) and refuses dev tokens at startup (api/config.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem';

import { API_ROLES, ApiRoleSchema, type ApiRole } from '../engine/roles';

export { API_ROLES, ApiRoleSchema, type ApiRole } from '../engine/roles';

export interface Caller {
  role: ApiRole;
  subject: string;
  /** The directory id of the person calling, when the token names one. */
  personId?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    /** Why the bearer token did not prove a caller; raised by requireCaller, after rate limiting has counted the request. */
    authProblem?: HttpProblem;
    correlationId?: string;
  }
}

export const EVERYONE: ApiRole[] = [...API_ROLES];

const DEV_PERSON = /^[A-Za-z0-9._-]{1,64}$/;

/** Proves a caller from an OIDC bearer token (api/oidc.ts implements it). */
export interface OidcVerifier {
  /** The caller a token proves, or an HttpProblem (401 invalid token, 403 no single role, 503 keys unreachable). */
  verify(token: string): Promise<Caller>;
}

export type Authentication = { mode: 'dev-tokens' } | { mode: 'oidc'; verifier: OidcVerifier };

const missingToken = () =>
  new HttpProblem(401, 'Unauthorized', 'Authorization: Bearer <token> is required', [
    { field: 'authorization', message: 'missing bearer token' },
  ]);

/** The caller a development token names: `dev-<role>` or `dev-<role>.<personId>`. */
function devCaller(token: string): Caller {
  // Role names have no dots; everything after the first one is the person (directory ids may have dots).
  const [, roleName, personId] = /^dev-([a-z-]+)(?:\.(.+))?$/.exec(token) ?? [];
  const role = ApiRoleSchema.safeParse(roleName);
  if (!role.success || (personId !== undefined && !DEV_PERSON.test(personId))) {
    throw new HttpProblem(
      401,
      'Unauthorized',
      `unknown token; development tokens are ${API_ROLES.map((r) => `dev-${r}`).join(', ')}, optionally naming a person in the directory (dev-team-manager.tm-derb-north)`,
      [{ field: 'authorization', message: 'unknown token' }],
    );
  }
  return {
    role: role.data,
    subject: personId ? `dev-${role.data}.${personId}` : `dev-${role.data}`,
    ...(personId ? { personId } : {}),
  };
}

/**
 * Sets `req.caller` from the bearer token, or `req.authProblem` saying why not. It never refuses by
 * itself, so the rate limit can count a refused request (by address) before requireCaller answers it.
 */
export function identify(auth: Authentication) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    try {
      if (!match) throw missingToken();
      req.caller = auth.mode === 'oidc' ? await auth.verifier.verify(match[1]) : devCaller(match[1]);
    } catch (err) {
      if (!(err instanceof HttpProblem)) return next(err);
      req.authProblem = err;
    }
    next();
  };
}

/** Refuses a request without a proven caller: 401 (with RFC 6750's WWW-Authenticate), 403 or 503 as identify found. */
export function requireCaller(req: Request, res: Response, next: NextFunction) {
  const problem = req.authProblem ?? (req.caller ? undefined : missingToken());
  if (!problem) return next();
  if (problem.status === 401)
    res.setHeader(
      'www-authenticate',
      req.header('authorization')
        ? 'Bearer realm="statutory-clocks", error="invalid_token"'
        : 'Bearer realm="statutory-clocks"',
    );
  next(problem);
}

export function allow(...roles: ApiRole[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.caller || !roles.includes(req.caller.role)) {
      return next(
        new HttpProblem(
          403,
          'Forbidden',
          `this needs one of the roles ${roles.join(', ')}; you are ${req.caller?.role ?? 'anonymous'}`,
          [{ field: 'authorization', message: 'role not allowed' }],
        ),
      );
    }
    next();
  };
}
