/**
 * The benchmarks' mail sink: a real SMTP server (smtp-server, the engine maildev is built on) that keeps
 * only what the figures need, the instant each message was accepted (the 250 after DATA), its clock
 * key and the instant the clock scheduled it, so ten thousand messages cost no parsing and no memory.
 */
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');

export interface Accepted {
  key: string;
  /** When the sink accepted it (ms since epoch). */
  at: number;
  /** When the clock scheduled it (X-Clock-Fires-At), ms since epoch. */
  firesAt: number;
}

export class BenchSmtpSink {
  readonly accepted: Accepted[] = [];
  private constructor(
    private readonly server: { close: (cb: () => void) => void },
    readonly port: number,
  ) {}

  static async start(): Promise<BenchSmtpSink> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      maxClients: 1000,
      onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (err?: Error) => void) {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 16_384) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          head = head.replace(/\r?\n[ \t]+/g, ' '); // unfold long header lines
          const key = /^X-Clock-Key:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '';
          const firesAt = Date.parse(/^X-Clock-Fires-At:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '');
          sink.accepted.push({ key, at: Date.now(), firesAt });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const sink = new BenchSmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }
}
