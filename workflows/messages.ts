/** Message definitions, declared once and used by workflows, the API and tests. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClockEvent } from './contracts/events';
import type { ClockView } from './clock/types';
import type { RulesMigration } from './clock/migrate';

/** Every event (completion, extension, reassignment, anchor, close) is one Update with a validator. */
export const clockEventUpdate = defineUpdate<ClockView, [ClockEvent]>('clockEvent');
/** Live detail of a running clock; the memo holds the same view for closed ones. */
export const clockViewQuery = defineQuery<ClockView>('clockView');
/** An administrator moves a running process onto the current rules or calendar (audited in its history). */
export const migrateRulesUpdate = defineUpdate<ClockView, [RulesMigration]>('migrateRules');
