/**
 * A dev server on a SQLite file that can be stopped and started again on the same file and the same
 * ports, so a worker already connected to it finds it again, as after `npm start` is restarted.
 */
import { ChildProcess } from 'node:child_process';
import { SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { freePort } from '../../harness/ports';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevServer } = require('../../scripts/devServer');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../../scripts/childProcesses');

export class PersistentDevServer {
  private proc?: ChildProcess;

  private constructor(
    readonly dbFile: string,
    private readonly ports: { port: number; httpPort: number; metricsPort: number },
  ) {}

  static async start(dbFile: string): Promise<PersistentDevServer> {
    const server = new PersistentDevServer(dbFile, {
      port: await freePort(),
      httpPort: await freePort(),
      metricsPort: await freePort(),
    });
    await server.restart();
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.ports.port}`;
  }

  /** Starts it (again) on the same file and ports; refuses while it is still running. */
  async restart(): Promise<void> {
    if (this.proc && this.proc.exitCode === null && !this.proc.signalCode)
      throw new Error('dev server is still running');
    this.proc = await startDevServer({
      ...this.ports,
      headless: true,
      dbFile: this.dbFile,
      searchAttributes: SEARCH_ATTRIBUTES,
    });
  }

  /** SIGTERM: a clean stop, as Ctrl-C on `npm start` does; SIGKILL: a crash, nothing flushed or closed. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (this.proc) await stopProcess(this.proc, signal);
  }
}
