/** Every activity, built from injected dependencies (the worker composes the real ones). */
import type { Client } from '@temporalio/client';
import type { ProcessStarter } from '../services/start';
import { createHandoverActivities } from './handover';
import { NotificationDeps, createNotificationActivities } from './notifications';
import { createDigestActivities } from './digest';
import { createFamilyActivities } from './family';

export interface ActivityDeps extends NotificationDeps {
  starter: () => ProcessStarter;
  /** For one process acting on another (closing the CIN plan a CP plan supersedes). */
  client: () => Client;
  /** Whose visibility the digest lists (the same server as `client` unless a test says otherwise). */
  visibility?: () => Client;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createNotificationActivities(deps),
    ...createHandoverActivities(deps.starter, deps.client, deps.visibility ?? deps.client),
    ...createFamilyActivities(deps.client),
    ...createDigestActivities({ ...deps, visibility: deps.visibility ?? deps.client }),
  };
}
