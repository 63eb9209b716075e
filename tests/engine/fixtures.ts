/** A valid base request; tests override one field at a time. */
export function baseRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    drug: 'oxycodone',
    formulation: 'ir',
    prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
    priorDurationDays: 90,
    lastDoseDate: '2026-11-01',
    restartDate: '2026-11-28',
    patient: { ageYears: 54 },
    concurrent: [],
    ...overrides,
  };
}
