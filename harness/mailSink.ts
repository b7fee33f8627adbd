/**
 * A real SMTP sink (maildev) on free loopback ports, read through its REST API. It can be stopped and
 * started again on the same ports (an SMTP outage and recovery, as the worker sees it).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { freePort, waitFor } from './ports';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../scripts/childProcesses');

export interface SunkMail {
  id: string;
  subject: string;
  to: { address: string; name: string }[];
  headers: Record<string, string>;
  text: string;
}

export class MailSink {
  private constructor(
    private proc: ChildProcess,
    readonly smtpPort: number,
    readonly webPort: number,
  ) {}

  private static spawn(smtpPort: number, webPort: number): ChildProcess {
    return spawn(
      process.execPath,
      [
        require.resolve('maildev/bin/maildev'),
        '--ip',
        '127.0.0.1',
        '--smtp',
        String(smtpPort),
        '--web',
        String(webPort),
        '--silent',
      ],
      { stdio: 'ignore' },
    );
  }

  private ready(): Promise<boolean> {
    return waitFor('maildev', async () => (await fetch(`http://127.0.0.1:${this.webPort}/email`)).ok);
  }

  static async start(): Promise<MailSink> {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    const sink = new MailSink(MailSink.spawn(smtpPort, webPort), smtpPort, webPort);
    await sink.ready();
    return sink;
  }

  /** Starts the sink again on the same SMTP and web ports after stop(); it holds no earlier mail. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('mail sink is still running');
    this.proc = MailSink.spawn(this.smtpPort, this.webPort);
    await this.ready();
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async messages(): Promise<SunkMail[]> {
    const res = await fetch(`http://127.0.0.1:${this.webPort}/email`);
    return (await res.json()) as SunkMail[];
  }

  async clear(): Promise<void> {
    await fetch(`http://127.0.0.1:${this.webPort}/email/all`, { method: 'DELETE' });
  }

  stop(): Promise<void> {
    return stopProcess(this.proc);
  }
}
