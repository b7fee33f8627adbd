/**
 * docs/operations.md's "## Webhooks" is what a receiver builds from, so it is checked against the code: its
 * worked example (signature computed independently with Python's hmac) must be what signWebhook gives,
 * and its receiver snippet, run as written, must accept a real delivery from WebhookChannel over HTTP
 * and refuse a tampered body, a forged signature and a stale timestamp.
 */
import { readFileSync } from 'node:fs';
import { IncomingHttpHeaders, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebhookChannel, signWebhook } from '../../activities/channels';

const doc = readFileSync(resolve(__dirname, '../../docs/operations.md'), 'utf8');

/** The "## Webhooks" section of docs/operations.md, up to the next heading of the same or a higher level. */
function webhooksSection(): string {
  const start = doc.indexOf('\n## Webhooks\n');
  expect(start).toBeGreaterThan(0);
  const rest = doc.slice(start + 1);
  const end = rest.slice(1).search(/\n#{1,2} /);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

function fenced(section: string, lang: string): string[] {
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

type Verify = (secret: string, headers: IncomingHttpHeaders, rawBody: Buffer | string, nowSeconds?: number) => boolean;

/** The documented receiver, evaluated exactly as printed. */
function readmeReceiver(): Verify {
  const [code] = fenced(webhooksSection(), 'js');
  // eslint-disable-next-line no-new-func
  return new Function('require', `${code}\nreturn verifyClockWebhook;`)(require) as Verify;
}

test('the worked example in docs/operations.md is what signWebhook computes', () => {
  const [example] = fenced(webhooksSection(), 'text');
  const field = (name: string) => {
    const m = example.match(new RegExp(`^${name}:[ ]+(.+)$`, 'm'));
    expect({ name, found: Boolean(m) }).toEqual({ name, found: true });
    return m![1];
  };
  const [secret, timestamp, body, signature] = ['secret', 'timestamp', 'body', 'signature'].map(field);
  // The body is the JSON a delivery sends: compact, one line (a reformatted body would sign differently).
  expect(JSON.stringify(JSON.parse(body))).toBe(body);
  // d1d5...47a2: python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec-example-0123456789abcdef",
  // b"1793782800." + body, hashlib.sha256).hexdigest())' with the body above, worked out apart from this code.
  expect(signature).toBe('sha256=d1d56373d32b46318064319203d46dd2c7771d15af41975ba6e897106da147a2');
  expect(`sha256=${signWebhook(secret, timestamp, body)}`).toBe(signature);
  // 1793782800 s is 2026-11-04T09:00:00Z, the example's firesAt (London is on GMT in November).
  expect(new Date(Number(timestamp) * 1000).toISOString()).toBe('2026-11-04T09:00:00.000Z');
  // And the documented receiver accepts the example at that instant.
  expect(
    readmeReceiver()(
      secret,
      { 'x-clock-timestamp': timestamp, 'x-clock-signature': signature },
      Buffer.from(body),
      Number(timestamp),
    ),
  ).toBe(true);
});

test('the documented receiver accepts a real delivery and refuses tampering, forgery and replay', async () => {
  const verify = readmeReceiver();
  const secret = 'receiver-test-secret-0123456789';
  const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const key = 'referral-C-9-R-9:referral-decision:1:overdue';
    // Non-ASCII on purpose: the signature is over the bytes sent, so a receiver must not re-encode.
    await new WebhookChannel(url, secret).send(key, { key, caseId: 'C-9', note: 'Bryn Ŵy' });
    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    expect(headers['idempotency-key']).toBe(key);
    expect(headers['x-clock-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const sentAt = Number(headers['x-clock-timestamp']);
    expect(Math.abs(sentAt - Date.now() / 1000)).toBeLessThan(120);

    expect(verify(secret, headers, body)).toBe(true);
    expect(verify(secret, headers, body, sentAt + 300)).toBe(true); // 5 minutes late: still inside the tolerance
    expect(verify(secret, headers, body, sentAt + 301)).toBe(false); // a replay after 5 minutes
    expect(verify(secret, headers, Buffer.from(body.toString('utf8').replace('C-9', 'C-8')))).toBe(false);
    expect(verify('another-secret-0123456789', headers, body)).toBe(false);
    expect(verify(secret, { ...headers, 'x-clock-timestamp': String(sentAt + 1) }, body)).toBe(false); // the timestamp is signed too
    expect(verify(secret, { ...headers, 'x-clock-signature': 'sha256=00' }, body)).toBe(false);
    expect(verify(secret, { ...headers, 'x-clock-signature': undefined }, body)).toBe(false);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
