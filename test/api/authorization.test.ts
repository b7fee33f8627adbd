/**
 * Every cell of the authorization matrix (test/support/authorizationMatrix.ts), in process: the real app
 * and its checks against FakeClocks, whose clocks refuse events as the workflow's validator does. The
 * slice that needs Temporal runs again on the dev stack in test/e2e/authorization.test.ts.
 */
import { authorizationMatrix } from '../support/authorizationMatrix';
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';

let api: InProcessApi | undefined;
authorizationMatrix({
  start: async () => (api = await startInProcessApi()),
  stop: async () => api?.close(),
});
