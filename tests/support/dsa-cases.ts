/** A case row and the statement context built from the default taxonomy, for DSA statement tests. */
import type { PolicyDsa, StatementContext } from '../../src/core/dsa/build-statement';
import { DEFAULT_POLICIES } from '../../src/core/taxonomy/defaults';
import type { CaseRow } from '../../src/core/validation/validate-case';
import { DEFAULT_LISTS } from './default-lists';

export const DEFAULT_POLICY_DSA: PolicyDsa[] = DEFAULT_POLICIES.map((p) => ({
  name: p.name,
  category: p.dsaCategory,
  keywords: p.dsaKeywords,
  ground: p.ground,
  description: p.description,
}));

export const STATEMENT_CONTEXT: StatementContext = {
  lists: DEFAULT_LISTS,
  policies: DEFAULT_POLICY_DSA,
  known: { sellerIds: ['S-10407'], shopNames: ['Glanz & Glory'], names: ['Lena Fischer'] },
  timeZone: 'Europe/Berlin',
};

/** Midnight of a calendar day in Berlin, as Sheets gives a date cell of a tracker in that zone. */
export const berlinDay = (day: string) => new Date(`${day}T00:00:00+01:00`);

export function dsaCase(overrides: CaseRow = {}): CaseRow {
  return {
    caseId: 'CB-2026-00042',
    createdAt: new Date('2026-11-03T10:15:00Z'),
    market: 'DE',
    sellerId: 'S-10407',
    shopName: 'Glanz & Glory',
    liveSessionId: 'L-4821337',
    liveDate: berlinDay('2026-11-02'),
    policy: 'Misleading pricing',
    action: 'LIVE removed',
    detectionSource: 'User report',
    automatedDecision: 'Not automated',
    severity: 'P2',
    summary:
      'Seller S-10407 (Glanz & Glory) showed a countdown "80% off" price that was the normal price all week.',
    status: 'Triaged',
    ...overrides,
  };
}
