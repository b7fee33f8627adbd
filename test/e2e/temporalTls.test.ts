/**
 * Worker and client reach Temporal over mTLS with the settings an operator gives (TEMPORAL_TLS_*,
 * parsed by the worker's config schema, turned into options by services/temporalConnection.ts), and a
 * connection without the right certificate or server name is refused.
 *
 * The dev server speaks plain gRPC only (`temporal server start-dev` has no TLS flags), so a TLS
 * terminator stands in front of it, as a load balancer or ingress does in front of a cluster: Node's TLS
 * server with a certificate for "temporal.test" from a test CA, requiring a client certificate from the
 * same CA, passing the decrypted HTTP/2 stream to the dev server. Certificates are made by openssl.
 *
 * Expected, worked by hand: a Derbyshire referral received Mon 2 Nov 2026 10:00 GMT is due in 1 working
 * day, Tue 3 Nov 2026; long past, so its three tiers (overdue Wed 4, escalated Fri 6, critical Wed 11 Nov
 * 2026, 09:00 GMT) are all due at its first pass and one email goes: the critical, to the head of service
 * (hos-derb) copying the team manager (tm-derb-north) and service manager (sm-derb-assess) of
 * derb-north-assessment (config/directory.json), the roles of the two tiers it passed.
 */
import { connect } from 'node:net';
import { Server, TLSSocket, createServer } from 'node:tls';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { WorkerConfigSchema } from '../../worker/config';
import { TemporalConnectionOptions, temporalConnectionOptions } from '../../services/temporalConnection';
import { TestCertificates, makeCertificates } from '../support/certificates';
import { startDevServerOnFreePorts } from '../support/devStack';
import { MailSink } from '../../harness/mailSink';
import { freePort, waitFor } from '../../harness/ports';
import { TestWorker, quietRuntime, startTestWorker } from '../../harness/testWorker';

let certs: TestCertificates;
let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let terminator: Server;
let tlsAddress: string;
let mail: MailSink;
/** The subject CN of every client certificate the terminator accepted. */
const clientsSeen = new Set<string>();
/** Every connection the terminator accepted, with the bytes it passed on to the dev server. */
const accepted: { cn: string; bytes: number }[] = [];
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  quietRuntime();
  certs = makeCertificates();
  server = await startDevServerOnFreePorts();
  const [host, port] = server.address.split(':');
  terminator = createServer(
    {
      key: readFileSync(certs.serverKey),
      cert: readFileSync(certs.serverCert),
      ca: readFileSync(certs.caCert),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      const cn = String((socket.getPeerCertificate().subject as { CN?: string } | undefined)?.CN);
      clientsSeen.add(cn);
      const seen = { cn, bytes: 0 };
      accepted.push(seen);
      const upstream = connect(Number(port), host);
      socket.on('data', (chunk: Buffer) => {
        seen.bytes += chunk.length;
      });
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end);
      upstream.on('error', end);
    },
  );
  terminator.on('tlsClientError', () => undefined); // refused handshakes are the negative cases below
  const tlsPort = await freePort();
  await new Promise<void>((r) => terminator.listen(tlsPort, '127.0.0.1', r));
  tlsAddress = `127.0.0.1:${tlsPort}`;
  mail = await MailSink.start();
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await new Promise((r) => terminator?.close(r));
  await mail?.stop();
  await server?.stop();
  certs?.remove();
});

/** Connection options from the variables, as the worker and API read them at startup. */
function optionsFrom(vars: Record<string, string>): TemporalConnectionOptions {
  return temporalConnectionOptions(WorkerConfigSchema.parse({ TEMPORAL_ADDRESS: tlsAddress, ...vars }));
}

const mtls = () => ({
  TEMPORAL_TLS_CERT_FILE: certs.clientCert,
  TEMPORAL_TLS_KEY_FILE: certs.clientKey,
  TEMPORAL_TLS_CA_FILE: certs.caCert,
  TEMPORAL_TLS_SERVER_NAME: 'temporal.test',
});

test('over mTLS the worker polls and an overdue referral escalates to the head of service, copying the other two managers', async () => {
  try {
    await escalatesOverMtls();
  } finally {
    // Closed here, so nothing of this test talks through the terminator while the refusals below are counted.
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  }
}, 240_000);

async function escalatesOverMtls() {
  const options = optionsFrom(mtls());
  const connection = await Connection.connect(options);
  closers.push(() => connection.close());
  await registerSearchAttributes(connection, 'default');
  const client = new Client({ connection, namespace: 'default' });
  const native = await NativeConnection.connect(options);
  closers.push(() => native.close());
  const worker: TestWorker = await startTestWorker(native, client, { SMTP_PORT: String(mail.smtpPort) });
  closers.push(() => worker.close());

  const starter = new ProcessStarter(client, ProfileRegistry.fromDirectory(), worker.taskQueue);
  const { workflowId } = await starter.start(
    {
      type: 'referral',
      caseId: 'TLS-1',
      episode: 'R1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    { requireAllStepAnchors: true },
  );
  expect(workflowId).toBe('referral-TLS-1-R1');

  const mails = await waitFor(
    'the escalation email',
    async () => {
      const m = (await mail.messages()).filter((x) => x.subject.includes('case TLS-1'));
      return m.length >= 1 ? m : undefined;
    },
    120_000,
  );
  // A moment more, so a second (a lower tier sent after all, or a duplicate) would show.
  await new Promise((r) => setTimeout(r, 2_000));
  const all = (await mail.messages()).filter((x) => x.subject.includes('case TLS-1'));
  expect(all.length).toBe(mails.length);
  expect(
    all.map((m) => ({
      to: m.to.map((t) => t.address),
      cc: ((m as any).cc ?? []).map((t: any) => t.address),
      subject: m.subject.split(' – ')[0],
      key: m.headers['x-clock-key'],
      firesAt: m.headers['x-clock-fires-at'],
    })),
  ).toEqual([
    {
      to: ['hos-derb@derbyshire.clocks.test'],
      cc: ['tm-derb-north@derbyshire.clocks.test', 'sm-derb-assess@derbyshire.clocks.test'],
      subject: '[CRITICAL: still overdue] Decide the type of response and acknowledge the referrer',
      key: 'referral-TLS-1-R1:referral-decision:1:critical',
      firesAt: '2026-11-11T09:00:00+00:00', // the critical's own instant, Wed 11 Nov 2026 09:00 GMT (header)
    },
  ]);
  expect(all[0].subject).toContain('due Tue 3 Nov 2026');
  // Everything went through the terminator with the client certificate the variables named.
  expect([...clientsSeen]).toEqual(['client']);
}

describe('a connection the TLS endpoint must refuse', () => {
  /**
   * What must hold: the connection is refused and no connection opened by the attempt passes a byte to
   * the dev server (no request served). Which error the client reports (a TLS alert, a closed connection,
   * a deadline) depends on which side ends first, so it is not asserted. connectTimeout bounds the SDK's
   * retries so each refusal is reported in seconds.
   */
  const refusedWith = async (attempt: () => Promise<{ close: () => Promise<unknown> }>) => {
    const from = accepted.length;
    const outcome = attempt().then(async (c) => {
      await c.close();
      return 'connected';
    });
    await expect(outcome).rejects.toThrow();
    expect(accepted.slice(from).filter((a) => a.bytes > 0)).toEqual([]);
    expect([...clientsSeen].filter((cn) => cn !== 'client')).toEqual([]);
  };
  const refused = (options: TemporalConnectionOptions) =>
    refusedWith(() => Connection.connect({ ...options, connectTimeout: 5_000 }));

  test('without a client certificate (TLS with the CA only)', async () => {
    await refused(optionsFrom({ TEMPORAL_TLS_CA_FILE: certs.caCert, TEMPORAL_TLS_SERVER_NAME: 'temporal.test' }));
  }, 60_000);

  test('with a client certificate from a CA the endpoint does not trust', async () => {
    await refused(
      optionsFrom({ ...mtls(), TEMPORAL_TLS_CERT_FILE: certs.strayCert, TEMPORAL_TLS_KEY_FILE: certs.strayKey }),
    );
  }, 60_000);

  test("when the server's certificate does not carry the expected name", async () => {
    await refused(optionsFrom({ ...mtls(), TEMPORAL_TLS_SERVER_NAME: 'other.test' }));
  }, 60_000);

  test('in plain gRPC', async () => {
    await refused({ address: tlsAddress });
  }, 60_000);

  test('and the native (worker) connection is refused without a client certificate too', async () => {
    await refusedWith(() =>
      NativeConnection.connect(
        optionsFrom({ TEMPORAL_TLS_CA_FILE: certs.caCert, TEMPORAL_TLS_SERVER_NAME: 'temporal.test' }),
      ),
    );
  }, 60_000);
});
