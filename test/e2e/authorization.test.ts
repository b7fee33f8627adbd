/**
 * The authorization matrix (test/support/authorizationMatrix.ts) on the dev stack, for the rows whose
 * answer depends on what only the real server does: area clauses as visibility queries (lists, cases,
 * inbox, reports), reads of the live clock and its memo (a process outside the area reads as absent),
 * a referral id's claim, the clock's own refusal of an extension (403 naming body.type), a family event
 * and a migration as Temporal runs them, and the health check. Every cell runs in process in
 * test/api/authorization.test.ts.
 */
import { authorizationMatrix } from '../support/authorizationMatrix';
import { DevStack, startDevStack } from '../support/devStack';

let s: DevStack | undefined;
authorizationMatrix({
  start: async () => (s = await startDevStack()),
  stop: async () => s?.teardown(),
  slice: {
    'GET /healthz': ['any'],
    'GET /api/processes': ['any'],
    'GET /api/inbox': ['any'],
    'GET /api/reports/timeliness': ['any'],
    'POST /api/referrals': ['own', 'la'],
    'GET /api/processes/{workflowId}': ['own', 'team', 'la'],
    'GET /api/cases/{caseId}': ['own', 'team', 'la'],
    'POST /api/processes/{workflowId}/events extend complaint': ['own'],
    'POST /api/processes/{workflowId}/events reassign complaint': ['team'],
    'POST /api/processes/{workflowId}/migrate-rules': ['own'],
    'POST /api/families/{familyId}/events step-completed child-in-need-plan': ['own', 'team'],
  },
});
