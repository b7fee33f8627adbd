/**
 * Response headers (helmet) for a JSON API that also serves the static dashboard at /dashboard/. The
 * dashboard loads only its own script and stylesheet and calls /api on the same origin, so the
 * content security policy allows 'self' and nothing inline; nothing may frame it.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The page's icon is an empty data: URL (no request for /favicon.ico).
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // No upgrade-insecure-requests: on http://127.0.0.1 in development it would send the page's own
        // script and stylesheet to an https port that is not there. TLS is the proxy's job in production.
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Clocks and case lists are about children: no browser or proxy may keep a copy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};
