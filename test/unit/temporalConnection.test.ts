/**
 * The Temporal connection settings shared by worker and API, with real certificate files made by
 * openssl: what each combination of variables connects with, and a clear error naming the variable
 * for each bad one. The TLS handshake itself is exercised in test/e2e/temporalTls.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiConfigSchema } from '../../api/config';
import { WorkerConfigSchema, loadWorkerConfig } from '../../worker/config';
import { temporalConnectionOptions } from '../../services/temporalConnection';
import { TestCertificates, makeCertificates } from '../support/certificates';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeCertificates();
});
afterAll(() => certs.remove());

const ADDRESS = 'clocks.a1b2c.tmprl.cloud:7233';

/** Both processes parse the same variables; returns the options or the issues, the same for both. */
function settle(env: Record<string, string>) {
  const worker = WorkerConfigSchema.safeParse(env);
  const api = ApiConfigSchema.safeParse(env);
  const issues = (r: typeof worker | typeof api) =>
    r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  expect(issues(api)).toEqual(issues(worker));
  if (!worker.success) return { issues: issues(worker) };
  return { options: temporalConnectionOptions(worker.data) };
}

describe('connection options', () => {
  test('nothing set: plain gRPC to the default address, as the dev server and docker-compose use', () => {
    expect(settle({})).toEqual({ options: { address: '127.0.0.1:7233' } });
  });

  test("compose's empty ${NAME:-} values count as unset", () => {
    expect(
      settle({
        TEMPORAL_TLS: '',
        TEMPORAL_TLS_CERT_FILE: '',
        TEMPORAL_TLS_KEY_FILE: '',
        TEMPORAL_TLS_CA_FILE: '',
        TEMPORAL_TLS_SERVER_NAME: '',
        TEMPORAL_API_KEY: '',
      }),
    ).toEqual({
      options: { address: '127.0.0.1:7233' },
    });
  });

  test('TEMPORAL_TLS=true alone: TLS with the system CAs, no client certificate', () => {
    expect(settle({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS: 'true' })).toEqual({
      options: { address: ADDRESS, tls: {} },
    });
  });

  test('an API key alone turns TLS on (Temporal Cloud) and is passed as the apiKey', () => {
    expect(
      settle({ TEMPORAL_ADDRESS: 'eu-west-2.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'eyJhbGciOi.key-123' }),
    ).toEqual({
      options: { address: 'eu-west-2.aws.api.temporal.io:7233', tls: {}, apiKey: 'eyJhbGciOi.key-123' },
    });
  });

  test('mTLS: the certificate and key bytes as the files hold them, the CA and the server name', () => {
    const got = settle({
      TEMPORAL_ADDRESS: ADDRESS,
      TEMPORAL_TLS_CERT_FILE: certs.clientCert,
      TEMPORAL_TLS_KEY_FILE: certs.clientKey,
      TEMPORAL_TLS_CA_FILE: certs.caCert,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.test',
    });
    expect(got).toEqual({
      options: {
        address: ADDRESS,
        tls: {
          serverNameOverride: 'temporal.test',
          serverRootCACertificate: readFileSync(certs.caCert),
          clientCertPair: { crt: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) },
        },
      },
    });
  });

  test('a CA file alone: TLS against a self-hosted cluster whose CA the system does not trust', () => {
    expect(settle({ TEMPORAL_TLS_CA_FILE: certs.caCert })).toEqual({
      options: { address: '127.0.0.1:7233', tls: { serverRootCACertificate: readFileSync(certs.caCert) } },
    });
  });
});

describe('bad settings are refused naming the variable', () => {
  test('a certificate without its key, and a key without its certificate', () => {
    expect(settle({ TEMPORAL_TLS_CERT_FILE: certs.clientCert })).toEqual({
      issues: [
        'TEMPORAL_TLS_KEY_FILE: required with TEMPORAL_TLS_CERT_FILE (mTLS needs the client certificate and its private key)',
      ],
    });
    expect(settle({ TEMPORAL_TLS_KEY_FILE: certs.clientKey })).toEqual({
      issues: [
        'TEMPORAL_TLS_CERT_FILE: required with TEMPORAL_TLS_KEY_FILE (mTLS needs the client certificate and its private key)',
      ],
    });
  });

  test('a file that cannot be read', () => {
    const missing = join(certs.dir, 'nope.pem');
    expect(settle({ TEMPORAL_TLS_CA_FILE: missing })).toEqual({
      issues: [`TEMPORAL_TLS_CA_FILE: cannot read ${missing} (ENOENT)`],
    });
    // A directory where a file belongs.
    expect(settle({ TEMPORAL_TLS_CERT_FILE: certs.dir, TEMPORAL_TLS_KEY_FILE: certs.clientKey })).toEqual({
      issues: [`TEMPORAL_TLS_CERT_FILE: cannot read ${certs.dir} (EISDIR)`],
    });
  });

  test('a file that is not PEM, and a certificate given where the key belongs', () => {
    const notPem = join(certs.dir, 'notes.txt');
    writeFileSync(notPem, 'the certificate is on the shared drive\n');
    expect(settle({ TEMPORAL_TLS_CA_FILE: notPem })).toEqual({
      issues: [`TEMPORAL_TLS_CA_FILE: ${notPem} is not a PEM certificate`],
    });
    expect(settle({ TEMPORAL_TLS_CERT_FILE: certs.clientCert, TEMPORAL_TLS_KEY_FILE: certs.clientCert })).toEqual({
      issues: [`TEMPORAL_TLS_KEY_FILE: ${certs.clientCert} is not a PEM private key`],
    });
  });

  test("a key that is not the certificate's", () => {
    expect(settle({ TEMPORAL_TLS_CERT_FILE: certs.clientCert, TEMPORAL_TLS_KEY_FILE: certs.strayKey })).toEqual({
      issues: [
        `TEMPORAL_TLS_KEY_FILE: ${certs.strayKey} is not the private key of the certificate in TEMPORAL_TLS_CERT_FILE`,
      ],
    });
  });

  test('an encrypted key (the SDK takes no passphrase)', () => {
    const got = settle({ TEMPORAL_TLS_CERT_FILE: certs.clientCert, TEMPORAL_TLS_KEY_FILE: certs.encryptedKey });
    expect(got.issues).toHaveLength(1);
    expect(got.issues![0]).toMatch(
      /^TEMPORAL_TLS_KEY_FILE: not a usable private key \(.+; an encrypted key is not supported\)$/,
    );
  });

  test('an expired client certificate, with the end date openssl reads from it', () => {
    const config = WorkerConfigSchema.parse({
      TEMPORAL_TLS_CERT_FILE: certs.clientCert,
      TEMPORAL_TLS_KEY_FILE: certs.clientKey,
    });
    // Made with -days 1, so valid now; a minute past the end date openssl prints, it is refused.
    const later = new Date(Date.parse(certs.clientNotAfter) + 60_000);
    expect(() => temporalConnectionOptions(config, later)).toThrow(
      `TEMPORAL_TLS_CERT_FILE: certificate expired on ${certs.clientNotAfter}`,
    );
  });

  test('TLS switched off while TLS settings or an API key are given', () => {
    expect(settle({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'key-123' })).toEqual({
      issues: ['TEMPORAL_TLS: false would send TEMPORAL_API_KEY in clear text; unset it or set it to true'],
    });
    expect(settle({ TEMPORAL_TLS: 'false', TEMPORAL_TLS_CA_FILE: certs.caCert })).toEqual({
      issues: ['TEMPORAL_TLS: false contradicts the TLS files or server name that are set; unset it or set it to true'],
    });
    expect(settle({ TEMPORAL_TLS: 'yes' }).issues).toEqual([
      'TEMPORAL_TLS: Invalid option: expected one of "true"|"false"|""',
    ]);
  });

  test('an API key with a line break (pasted from a file)', () => {
    expect(settle({ TEMPORAL_API_KEY: 'key-123\n' })).toEqual({
      issues: ['TEMPORAL_API_KEY: must not contain spaces or line breaks'],
    });
  });

  test('the worker stops at startup with the variable in the message', () => {
    expect(() => loadWorkerConfig({ TEMPORAL_TLS_CERT_FILE: certs.clientCert } as NodeJS.ProcessEnv)).toThrow(
      'worker configuration: TEMPORAL_TLS_KEY_FILE: required with TEMPORAL_TLS_CERT_FILE (mTLS needs the client certificate and its private key)',
    );
  });
});

describe('worker deployment settings', () => {
  test('WORKFLOW_BUNDLE must be a readable file', () => {
    const missing = join(certs.dir, 'workflow-bundle.js');
    expect(() => loadWorkerConfig({ WORKFLOW_BUNDLE: missing } as NodeJS.ProcessEnv)).toThrow(
      `worker configuration: WORKFLOW_BUNDLE: cannot read the workflow bundle ${missing}`,
    );
    writeFileSync(missing, '// bundle');
    expect(loadWorkerConfig({ WORKFLOW_BUNDLE: missing } as NodeJS.ProcessEnv).WORKFLOW_BUNDLE).toBe(missing);
    expect(loadWorkerConfig({ WORKFLOW_BUNDLE: '' } as NodeJS.ProcessEnv).WORKFLOW_BUNDLE).toBeUndefined();
  });

  test('tuning limits are whole numbers; unset leaves the SDK defaults', () => {
    const c = loadWorkerConfig({
      WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '10',
      WORKER_MAX_CACHED_WORKFLOWS: '0',
    } as NodeJS.ProcessEnv);
    expect([
      c.WORKER_MAX_CONCURRENT_ACTIVITIES,
      c.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      c.WORKER_MAX_CACHED_WORKFLOWS,
    ]).toEqual([20, 10, 0]);
    const d = loadWorkerConfig({} as NodeJS.ProcessEnv);
    expect([
      d.WORKER_MAX_CONCURRENT_ACTIVITIES,
      d.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      d.WORKER_MAX_CACHED_WORKFLOWS,
    ]).toEqual([undefined, undefined, undefined]);
    expect(() => loadWorkerConfig({ WORKER_MAX_CONCURRENT_ACTIVITIES: 'lots' } as NodeJS.ProcessEnv)).toThrow(
      /^worker configuration: WORKER_MAX_CONCURRENT_ACTIVITIES: /,
    );
    // The SDK needs at least 2 workflow task slots while it caches workflows.
    expect(() => loadWorkerConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' } as NodeJS.ProcessEnv)).toThrow(
      /^worker configuration: WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: /,
    );
  });
});
