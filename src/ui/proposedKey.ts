/** Where the pharmacist's proposed steps are kept in this browser (cleared by New patient). */
export const PROPOSED_KEY = 'retitrate:proposed:v1';
