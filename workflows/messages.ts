/** Message definitions, declared once and used by workflows, the API and tests. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClockEvent } from '../engine/events/contract';
import type { ClockView } from '../engine/types';
import type { RulesMigration } from '../engine/migrate';
import type { Rejection } from '../engine/events';
import type { Alarm } from '../engine/types';

/** Every event (completion, extension, reassignment, anchor, close) is one Update with a validator. */
export const clockEventUpdate = defineUpdate<ClockView, [ClockEvent]>('clockEvent');
/** Live detail of a running clock; the memo holds the same view for closed ones. */
export const clockViewQuery = defineQuery<ClockView>('clockView');
/** An administrator moves a running process onto the current rules or calendar (audited in its history). */
export const migrateRulesUpdate = defineUpdate<ClockView, [RulesMigration]>('migrateRules');
/** Whether the clock would accept an event now, without applying it (a family event checks every sibling first). */
export const clockCheckQuery = defineQuery<Rejection | null, [ClockEvent]>('clockCheck');
/** Raises an alarm on a clock from outside: an event sent for it with its family was refused after being accepted. */
export const clockAlarmUpdate = defineUpdate<
  ClockView,
  [Pick<Alarm, 'kind' | 'what' | 'action' | 'field' | 'clearsWith'>]
>('clockAlarm');
/** Who sent an event id the clock has applied (null if none): a retry of one's own event is answered even after it moved the case out of one's area. */
export const clockEventSenderQuery = defineQuery<string | null, [string]>('clockEventSender');
