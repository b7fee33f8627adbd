/**
 * A copy of the shipped profiles in a temporary directory, to edit: an LA's profile change as it would be
 * deployed (to the API, to the worker, or to both), without touching profiles/data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SHIPPED_PROFILES = resolve(__dirname, '../../profiles/data');

export interface ProfileCopy {
  dir: string;
  /** Rewrites one LA's file through `change` (which edits the parsed JSON in place). */
  edit: (la: string, change: (profile: any) => void) => void;
  remove: () => void;
}

/**
 * England's single assessment counting only from `assessment-start`: deployed to the worker but not the API,
 * it makes a referral's hand-over to an assessment refusable (the alarm's path, in the chain tests).
 */
export function assessmentFromStartOnly(): ProfileCopy {
  const copy = profileCopy();
  copy.edit(
    'england',
    (england) => (england.processes['single-assessment'].steps['assessment-complete'].anchor = 'assessment-start'),
  );
  return copy;
}

export function profileCopy(): ProfileCopy {
  const dir = mkdtempSync(join(tmpdir(), 'clocks-profiles-'));
  cpSync(SHIPPED_PROFILES, dir, { recursive: true });
  return {
    dir,
    edit: (la, change) => {
      const file = join(dir, `${la}.json`);
      const profile = JSON.parse(readFileSync(file, 'utf8'));
      change(profile);
      writeFileSync(file, JSON.stringify(profile, null, 2));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
