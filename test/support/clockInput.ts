/** A workflow input built the way the starter builds it (resolved rules, calendar slice), for pure engine tests. */
import { calendarData } from '../../profiles/calendar';
import { ProfileRegistry } from '../../profiles/load';
import type { ClockInput } from '../../engine/types';

export const registry = ProfileRegistry.fromDirectory();

export function clockInput(
  la: string,
  type: string,
  anchors: Record<string, string>,
  anchorKinds?: Record<string, string>,
): ClockInput {
  return {
    processType: type,
    caseId: 'C9',
    episode: '1',
    localAuthority: la,
    anchors,
    ...(anchorKinds ? { anchorKinds } : {}),
    assignment: { workerId: 'sw-1', team: 't-1' },
    rules: registry.resolve(la, type),
    calendar: calendarData([], '2025-01-01'),
  };
}
