/** Every activity, built from injected dependencies (the worker composes the real ones). */
import type { ProcessStarter } from '../processes/start';
import { createHandoverActivities } from './handover';
import { NotificationDeps, createNotificationActivities } from './notifications';

export interface ActivityDeps extends NotificationDeps {
  starter: () => ProcessStarter;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createNotificationActivities(deps),
    ...createHandoverActivities(deps.starter),
  };
}
