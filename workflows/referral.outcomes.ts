/** The referral decision's outcomes (the workflow hands over on `assessment`). Pure data. */
export const REFERRAL_OUTCOMES = ['assessment', 'early-help', 'information-and-advice', 'no-further-action', 'strategy-discussion'] as const;
