/** The worker's workflowsPath: every process type, one workflow each. */
export { referral } from './referral';
export { singleAssessment } from './single-assessment';
