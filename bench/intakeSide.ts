/**
 * One side of the intake comparison as a process of its own, against a stack that is already running
 * (`npm run bench -- --serve` prints the two addresses), so an outside timer can run the two sides in
 * turn over many runs:
 *
 *   BENCH_API=http://127.0.0.1:PORT BENCH_TEMPORAL=127.0.0.1:PORT \
 *     npx ts-node --transpile-only bench/intakeSide.ts api|raw [count]
 *
 * Both sides pay the same process start; `raw` builds its inputs before its first start, as in intake.ts.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter } from '../services/start';
import { apiSide, prepareRaw, rawSide } from './intake';
import { TASK_QUEUE } from './stack';

async function main() {
  const [side, countArg] = process.argv.slice(2);
  const count = Number(countArg ?? 500);
  const api = process.env.BENCH_API;
  const address = process.env.BENCH_TEMPORAL;
  if (side !== 'api' && side !== 'raw') throw new Error('side: give api or raw');
  if (!Number.isInteger(count) || count < 1) throw new Error(`count: a whole number of referrals, not ${countArg}`);
  if (!api || !address)
    throw new Error('BENCH_API and BENCH_TEMPORAL: the addresses `npm run bench -- --serve` prints');
  const tag = `BENCH-SIDE-${side}-${randomUUID().slice(0, 8)}`;
  const receivedAt = new Date().toISOString();
  if (side === 'api') {
    const failures = await apiSide(api, tag, count, receivedAt);
    if (failures.length) throw new Error(`${failures.length} not started, e.g. ${failures[0]}`);
    return;
  }
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const prepared = prepareRaw(
    new ProcessStarter(client, ProfileRegistry.fromDirectory(), TASK_QUEUE),
    tag,
    count,
    receivedAt,
  );
  await rawSide(client, prepared);
  await connection.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
