/**
 * How the worker and the API reach Temporal: a local dev server (plain gRPC), a self-hosted cluster
 * behind TLS or mTLS, or Temporal Cloud (mTLS or an API key). One set of variables, checked once at
 * startup so a missing key or unreadable certificate is named before any connection is tried.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { z } from 'zod';

/** Compose writes `${NAME:-}` as an empty string: empty means unset. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Spread into each process's config schema (worker/config.ts, api/config.ts). */
export const TemporalConnectionShape = {
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Unset: TLS is on as soon as any TLS file, server name or API key is given. */
  TEMPORAL_TLS: z
    .enum(['true', 'false', ''])
    .optional()
    .transform((v) => (v ? v === 'true' : undefined)),
  TEMPORAL_TLS_CERT_FILE: optionalText,
  TEMPORAL_TLS_KEY_FILE: optionalText,
  TEMPORAL_TLS_CA_FILE: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_API_KEY: optionalText,
};

export type TemporalConnectionConfig = z.output<z.ZodObject<typeof TemporalConnectionShape>>;

export interface TemporalConnectionOptions {
  address: string;
  /** Undefined: plain gRPC (the dev server). */
  tls?: TLSConfig;
  apiKey?: string;
}

type FileVar = 'TEMPORAL_TLS_CERT_FILE' | 'TEMPORAL_TLS_KEY_FILE' | 'TEMPORAL_TLS_CA_FILE';

class ConnectionSettingError extends Error {
  constructor(
    readonly variable: keyof typeof TemporalConnectionShape,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

function readPem(variable: FileVar, path: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch (err) {
    throw new ConnectionSettingError(
      variable,
      `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  const wanted =
    variable === 'TEMPORAL_TLS_KEY_FILE' ? /-----BEGIN [A-Z ]*PRIVATE KEY-----/ : /-----BEGIN CERTIFICATE-----/;
  if (!wanted.test(pem.toString('utf8'))) {
    throw new ConnectionSettingError(
      variable,
      `${path} is not a PEM ${variable === 'TEMPORAL_TLS_KEY_FILE' ? 'private key' : 'certificate'}`,
    );
  }
  return pem;
}

function certificate(variable: FileVar, pem: Buffer, now: Date): X509Certificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (err) {
    throw new ConnectionSettingError(variable, `not a valid certificate (${(err as Error).message})`);
  }
  // An expired certificate otherwise surfaces as an opaque handshake failure at the first call.
  if (new Date(cert.validTo).getTime() < now.getTime())
    throw new ConnectionSettingError(variable, `certificate expired on ${new Date(cert.validTo).toISOString()}`);
  return cert;
}

/**
 * The options for Connection.connect (API, worker's client) and NativeConnection.connect (worker):
 * both take { address, tls, apiKey }. Throws a ConnectionSettingError naming the variable at fault.
 */
export function temporalConnectionOptions(c: TemporalConnectionConfig, now = new Date()): TemporalConnectionOptions {
  const certFile = c.TEMPORAL_TLS_CERT_FILE;
  const keyFile = c.TEMPORAL_TLS_KEY_FILE;
  if (certFile && !keyFile)
    throw new ConnectionSettingError(
      'TEMPORAL_TLS_KEY_FILE',
      'required with TEMPORAL_TLS_CERT_FILE (mTLS needs the client certificate and its private key)',
    );
  if (keyFile && !certFile)
    throw new ConnectionSettingError(
      'TEMPORAL_TLS_CERT_FILE',
      'required with TEMPORAL_TLS_KEY_FILE (mTLS needs the client certificate and its private key)',
    );
  const wantsTls = Boolean(certFile || c.TEMPORAL_TLS_CA_FILE || c.TEMPORAL_TLS_SERVER_NAME || c.TEMPORAL_API_KEY);
  if (c.TEMPORAL_TLS === false && wantsTls) {
    const why = c.TEMPORAL_API_KEY
      ? 'would send TEMPORAL_API_KEY in clear text'
      : 'contradicts the TLS files or server name that are set';
    throw new ConnectionSettingError('TEMPORAL_TLS', `false ${why}; unset it or set it to true`);
  }
  // A key pasted with its line break would become an invalid Authorization header.
  if (c.TEMPORAL_API_KEY && /\s/.test(c.TEMPORAL_API_KEY))
    throw new ConnectionSettingError('TEMPORAL_API_KEY', 'must not contain spaces or line breaks');
  if (!(c.TEMPORAL_TLS ?? wantsTls)) return { address: c.TEMPORAL_ADDRESS };

  const tls: TLSConfig = {};
  if (c.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = c.TEMPORAL_TLS_SERVER_NAME;
  if (c.TEMPORAL_TLS_CA_FILE) {
    const ca = readPem('TEMPORAL_TLS_CA_FILE', c.TEMPORAL_TLS_CA_FILE);
    certificate('TEMPORAL_TLS_CA_FILE', ca, now);
    tls.serverRootCACertificate = ca;
  }
  if (certFile && keyFile) {
    const crt = readPem('TEMPORAL_TLS_CERT_FILE', certFile);
    const key = readPem('TEMPORAL_TLS_KEY_FILE', keyFile);
    let privateKey;
    try {
      privateKey = createPrivateKey(key);
    } catch (err) {
      throw new ConnectionSettingError(
        'TEMPORAL_TLS_KEY_FILE',
        `not a usable private key (${(err as Error).message}; an encrypted key is not supported)`,
      );
    }
    if (!certificate('TEMPORAL_TLS_CERT_FILE', crt, now).checkPrivateKey(privateKey)) {
      throw new ConnectionSettingError(
        'TEMPORAL_TLS_KEY_FILE',
        `${keyFile} is not the private key of the certificate in TEMPORAL_TLS_CERT_FILE`,
      );
    }
    tls.clientCertPair = { crt, key };
  }
  return { address: c.TEMPORAL_ADDRESS, tls, ...(c.TEMPORAL_API_KEY ? { apiKey: c.TEMPORAL_API_KEY } : {}) };
}

/**
 * zod superRefine for a config schema holding TemporalConnectionShape: reports the same problems as
 * temporalConnectionOptions, on the variable at fault, so a bad setting stops startup with its name.
 */
export function checkTemporalConnection(c: TemporalConnectionConfig, ctx: z.RefinementCtx): void {
  try {
    temporalConnectionOptions(c);
  } catch (err) {
    if (!(err instanceof ConnectionSettingError)) throw err;
    ctx.addIssue({ code: 'custom', path: [err.variable], message: err.problem });
  }
}
