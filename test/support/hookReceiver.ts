/**
 * A webhook receiver on a free loopback port that records every delivery and checks its signature
 * the way a receiver would, from the documented scheme (hex HMAC-SHA256 over `${timestamp}.${body}`).
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { freePort } from '../../harness/ports';

export interface ReceivedHook {
  headers: Record<string, string | string[] | undefined>;
  idempotencyKey: string;
  body: string;
  validSignature: boolean;
}

export interface HookReceiver {
  url: string;
  /** Deliveries it accepted (answered 2xx). */
  hooks: ReceivedHook[];
  /** Requests it refused while told to be down. */
  refused: number;
  /** While true, every request is answered 503 and not recorded as accepted (a receiver outage). */
  down: boolean;
  /** Called for each accepted delivery before it is answered: a test can act at an exact point of a burst. */
  onAccepted?: (hook: ReceivedHook) => void;
  close: () => Promise<void>;
}

export async function startHookReceiver(secret: string): Promise<HookReceiver> {
  const hooks: ReceivedHook[] = [];
  const receiver = { hooks, refused: 0, down: false } as HookReceiver;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (receiver.down) {
        receiver.refused++;
        res.writeHead(503).end();
        return;
      }
      const ts = String(req.headers['x-clock-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
      const hook = {
        headers: req.headers,
        idempotencyKey: String(req.headers['idempotency-key']),
        body,
        validSignature: req.headers['x-clock-signature'] === expected,
      };
      hooks.push(hook);
      receiver.onAccepted?.(hook);
      res.writeHead(204).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${port}/clock-events`;
  receiver.close = () => new Promise((r) => server.close(() => r()));
  return receiver;
}
