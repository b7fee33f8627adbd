/** One pino for the worker; the SDK's own logs are forwarded into it. */
import pino from 'pino';

export function createLogger(level = 'info', name = 'worker') {
  return pino({
    name,
    level,
    redact: { paths: ['*.email', '*.name', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
