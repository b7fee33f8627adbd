/** A real SMTP sink (maildev) on free loopback ports, read through its REST API. */
import { ChildProcess, spawn } from 'node:child_process';
import { freePort, waitFor } from './ports';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../../scripts/childProcesses');

export interface SunkMail {
  id: string;
  subject: string;
  to: { address: string; name: string }[];
  headers: Record<string, string>;
  text: string;
}

export class MailSink {
  private constructor(
    private readonly proc: ChildProcess,
    readonly smtpPort: number,
    readonly webPort: number,
  ) {}

  static async start(): Promise<MailSink> {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    const proc = spawn(process.execPath, [require.resolve('maildev/bin/maildev'), '--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web', String(webPort), '--silent'], { stdio: 'ignore' });
    const sink = new MailSink(proc, smtpPort, webPort);
    await waitFor('maildev', async () => (await fetch(`http://127.0.0.1:${webPort}/email`)).ok);
    return sink;
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
