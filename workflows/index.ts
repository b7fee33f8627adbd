/** The worker's workflowsPath: every process type, one workflow each (engine/catalogue.ts maps them). */
export { referral } from './referral';
export { singleAssessment } from './single-assessment';
export { childProtectionEnquiry, childProtectionPlan } from './child-protection';
export { childInNeedPlan } from './child-in-need';
export { lookedAfter, pathwayPlan } from './looked-after';
export { complaintStatutory, complaintCorporate } from './complaints';
export { dailyDigest } from './digest';
export { familyEvent } from './family';
export { referralClaim } from './referralClaim';
