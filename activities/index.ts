/** Every activity, built from injected dependencies (the worker composes the real ones). */
import type { Client } from '@temporalio/client';
import type { ProcessStarter } from '../processes/start';
import { createHandoverActivities } from './handover';
import { NotificationDeps, createNotificationActivities } from './notifications';

export interface ActivityDeps extends NotificationDeps {
  starter: () => ProcessStarter;
  /** For one process acting on another (closing the CIN plan a CP plan supersedes). */
  client: () => Client;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createNotificationActivities(deps),
    ...createHandoverActivities(deps.starter, deps.client),
  };
}
