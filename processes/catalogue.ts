/** Process type (the API's and profiles' name) -> workflow type (the exported workflow function). */
import type { ProcessType } from '../profiles/schema';

export const WORKFLOW_TYPE: Record<ProcessType, string> = {
  referral: 'referral',
  'single-assessment': 'singleAssessment',
  'child-protection-enquiry': 'childProtectionEnquiry',
  'child-protection-plan': 'childProtectionPlan',
  'child-in-need-plan': 'childInNeedPlan',
  'looked-after': 'lookedAfter',
  'pathway-plan': 'pathwayPlan',
  'complaint-statutory': 'complaintStatutory',
  'complaint-corporate': 'complaintCorporate',
};

export function workflowIdFor(type: string, caseId: string, episode: string): string {
  return `${type}-${caseId}-${episode}`;
}
