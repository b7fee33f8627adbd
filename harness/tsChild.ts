/**
 * One of the project's own entry points (worker/index.ts, api/server.ts) run as a separate process,
 * exactly as `npm start` runs it, so a test can SIGKILL it and start it again. Stopped by its own pid.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../scripts/childProcesses');

const ROOT = resolve(__dirname, '..');
/** Output kept for a failure message: the tail is what explains a crash (unless the test reads it all). */
const KEEP_CHARS = 20_000;

export class TsChild {
  private out = '';
  private readonly lineWaiters: { test: (line: string) => boolean; resolve: () => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    keepAll: boolean,
  ) {
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.out = keepAll ? this.out + text : (this.out + text).slice(-KEEP_CHARS);
      partial += text;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        for (const w of [...this.lineWaiters]) {
          if (w.test(line)) {
            this.lineWaiters.splice(this.lineWaiters.indexOf(w), 1);
            w.resolve();
          }
        }
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    this.exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  }

  /**
   * `entry` relative to the repository root. Only `env` on top of PATH and HOME: nothing leaks in from
   * jest's own environment, so the child reads its configuration as a deployment gives it. `keepAll`: keep
   * every line it prints (a test that searches its logs), not just the tail.
   */
  static spawn(name: string, entry: string, env: Record<string, string>, options: { keepAll?: boolean } = {}): TsChild {
    const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new TsChild(name, proc, options.keepAll ?? false);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get output(): string {
    return this.out;
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Resolves when a line of output passes `test`; rejects if the process exits first or time runs out. */
  waitForLine(what: string, test: (line: string) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`${this.name}: no '${what}' within ${timeoutMs / 1000}s\n${this.out}`)),
        timeoutMs,
      );
      const waiter = { test, resolve: () => done() };
      const onExit = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) =>
        fail(new Error(`${this.name} exited (${signal ?? code}) before '${what}'\n${this.out}`));
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const fail = (err: Error) => {
        clearTimeout(timer);
        const i = this.lineWaiters.indexOf(waiter);
        if (i >= 0) this.lineWaiters.splice(i, 1);
        reject(err);
      };
      this.lineWaiters.push(waiter);
      void this.exited.then(onExit);
    });
  }

  /** The crash under test: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM, then SIGKILL after a grace period). */
  async stop(): Promise<void> {
    await stopProcess(this.proc);
  }
}
