/**
 * `referralClaim`: holds a referral id for the case it was first received for. Started once per LA and
 * referral id (services/referralClaim.ts) and done at once: Temporal refuses a second start of the same
 * id for as long as it keeps the first (the namespace's retention), which makes the claim atomic where
 * a search of visibility would race.
 */
export interface ReferralClaim {
  localAuthority: string;
  referralId: string;
  caseId: string;
}

export async function referralClaim(claim: ReferralClaim): Promise<ReferralClaim> {
  return claim;
}
