/** Process type (the API's and profiles' name) -> workflow type (the exported workflow function). */
import type { ProcessType } from './profile/schema';

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

/** The process type a workflow id names (`<type>-<caseId>-<episode>`): the longest type that prefixes it. */
export function processTypeOf(workflowId: string): ProcessType | undefined {
  return (Object.keys(WORKFLOW_TYPE) as ProcessType[]).filter((t) => workflowId.startsWith(`${t}-`)).sort((a, b) => b.length - a.length)[0];
}

export function workflowIdFor(type: string, caseId: string, episode: string): string {
  return `${type}-${caseId}-${episode}`;
}
