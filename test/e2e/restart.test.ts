/** `npm start` again finds the open processes: the dev server restarted over its SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { calendarData } from '../../calendar/load';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../processes/start';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { startDevServerOnFreePorts } from '../support/devStack';

test('open workflows and registered search attributes survive a dev server restart on its SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clocks-sqlite-'));
  const dbFile = join(dir, 'dev.sqlite');
  let server = await startDevServerOnFreePorts(dbFile);
  let connection = await Connection.connect({ address: server.address });
  expect(await registerSearchAttributes(connection, 'default')).toEqual([]); // start-dev registered them
  const starter = new ProcessStarter(new Client({ connection }), ProfileRegistry.fromDirectory(), 'no-worker-needed');
  const { workflowId } = await starter.start({ type: 'single-assessment', caseId: 'RESTART-1', localAuthority: 'york', anchors: { 'referral-received': '2026-11-16', allocation: '2026-11-17' } });
  await connection.close();
  await server.stop();

  server = await startDevServerOnFreePorts(dbFile);
  connection = await Connection.connect({ address: server.address });
  try {
    expect(await registerSearchAttributes(connection, 'default')).toEqual([]);
    const d = await new Client({ connection }).workflow.getHandle(workflowId).describe();
    expect(d.status.name).toBe('RUNNING');
    expect(d.searchAttributes).toMatchObject({ CaseId: ['RESTART-1'], LocalAuthority: ['york'] });
    expect(calendarData().coverage.to).toBe('2045-12-31');
  } finally {
    await connection.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
