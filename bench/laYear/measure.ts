/**
 * What the simulated year cost: the history events of every run of every workflow it started (a plan or
 * a child in care continues as new after each review, so earlier runs are found through each run's
 * first event, which names the run it continued), and the peak memory of this process (the worker and
 * the simulated case system) and of the servers it started.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import type { ClockView } from '../../engine/types';
import { clockViewQuery } from '../../workflows/messages';
import { inPool } from './simulation';

export interface HistoryCount {
  workflows: number;
  runs: number;
  events: number;
  longestRun: number;
}

/** `latest`: told each workflow's latest run's description (its status and memo), once. */
export async function countHistories(
  client: Client,
  workflowIds: string[],
  namespace = 'default',
  latest?: (workflowId: string, d: WorkflowExecutionDescription) => Promise<void>,
): Promise<HistoryCount> {
  const count: HistoryCount = { workflows: 0, runs: 0, events: 0, longestRun: 0 };
  await inPool(workflowIds, 16, async (workflowId) => {
    let runId: string | undefined;
    count.workflows++;
    // From the latest run back to the first.
    for (;;) {
      const d = await client.workflow.getHandle(workflowId, runId).describe();
      if (runId === undefined && latest) await latest(workflowId, d);
      count.runs++;
      count.events += d.historyLength;
      count.longestRun = Math.max(count.longestRun, d.historyLength);
      const first = await client.workflowService.getWorkflowExecutionHistory({
        namespace,
        execution: { workflowId, runId: d.runId },
        maximumPageSize: 1,
      });
      const previous = first.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (!previous) break;
      runId = previous;
    }
  });
  return count;
}

/**
 * A workflow's final view: the clock query while it runs (an ended process kept open by an alarm among
 * them), the memo it left once closed (the final view, without free text or birth dates: memo.ts).
 */
export async function finalView(
  client: Client,
  workflowId: string,
  d: WorkflowExecutionDescription,
): Promise<{ view?: ClockView; from: 'query' | 'memo' }> {
  const memo = (d.memo as { clock?: ClockView } | undefined)?.clock;
  if (d.status.name !== 'RUNNING') return { view: memo, from: 'memo' };
  try {
    return { view: await client.workflow.getHandle(workflowId, d.runId).query(clockViewQuery), from: 'query' };
  } catch {
    return { view: memo, from: 'memo' };
  }
}

export interface PeakMemory {
  name: string;
  pid: number;
  peakMb: number;
}

/** VmHWM (peak resident set) of a process, from /proc; undefined where /proc is not available. */
function peakOf(pid: number | 'self'): { name: string; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    // Named by what it runs: the test server binary, or the script node runs (maildev).
    const name =
      command
        .find((a) => /temporal|maildev/.test(a))
        ?.split('/')
        .pop() ??
      /^Name:\s+(.+)$/m.exec(status)?.[1] ??
      '?';
    return Number.isFinite(kb) ? { name, peakMb: Math.round(kb / 1024) } : undefined;
  } catch {
    return undefined;
  }
}

/** This process and its children (the time-skipping server, the mail sink), each at its peak so far. */
export function peakMemory(): PeakMemory[] {
  const found: PeakMemory[] = [];
  const self = peakOf('self');
  if (self) found.push({ ...self, name: 'bench process (worker and case system)', pid: process.pid });
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const peak = peakOf(Number(pid));
      if (peak) found.push({ ...peak, pid: Number(pid) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
