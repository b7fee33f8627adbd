/**
 * The search attributes every clock keeps current, so the Temporal UI and the API's lists can filter
 * by them. No names or other personal data: only opaque ids, step keys and dates (docs/design.md, Temporal).
 * The worker and `npm start` register exactly this list.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseId = defineSearchAttributeKey('CaseId', SearchAttributeType.KEYWORD);
export const ProcessType = defineSearchAttributeKey('ProcessType', SearchAttributeType.KEYWORD);
export const LocalAuthority = defineSearchAttributeKey('LocalAuthority', SearchAttributeType.KEYWORD);
export const Team = defineSearchAttributeKey('Team', SearchAttributeType.KEYWORD);
export const CurrentStep = defineSearchAttributeKey('CurrentStep', SearchAttributeType.KEYWORD);
export const NextDueDate = defineSearchAttributeKey('NextDueDate', SearchAttributeType.DATETIME);
export const OverdueSteps = defineSearchAttributeKey('OverdueSteps', SearchAttributeType.KEYWORD_LIST);
export const EscalationLevel = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.INT);
/** The family a child belongs to (an opaque id from the case system): one event reaches each sibling's clock. */
export const FamilyId = defineSearchAttributeKey('FamilyId', SearchAttributeType.KEYWORD);

/** Name -> CLI type, for `temporal operator search-attribute create` and the operator service. */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword' | 'Datetime' | 'KeywordList' | 'Int'> = {
  CaseId: 'Keyword',
  ProcessType: 'Keyword',
  LocalAuthority: 'Keyword',
  Team: 'Keyword',
  CurrentStep: 'Keyword',
  NextDueDate: 'Datetime',
  OverdueSteps: 'KeywordList',
  EscalationLevel: 'Int',
  FamilyId: 'Keyword',
};
