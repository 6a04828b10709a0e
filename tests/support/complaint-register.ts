/**
 * A messy complaints register (Art. 20/21 DSA) behind a statement tracker, for the New case form's tests:
 * the duplicate check of seller S-4711 finds two cases with complaints (an open one on its handling day, a
 * reversal and a partial one typed by hand in lower case, a row without dates, an open and a settled
 * dispute, German and Polish text, grounds that look like a formula), and a third case's reversal must
 * never show. Recorded through the built bundle where Casebook records them, typed into the tabs otherwise.
 */
import { callAs, complaintRequest } from './dispute-tracker';
import { attachTracker } from './intake-tracker';
import { newRequestId, statementTracker } from './statement-tracker';

export const FORMULA_GROUNDS = '=HYPERLINK("https://evil.example";"Zegarek był oryginalny — proszę o zwrot")';
export const REVERSED_GROUNDS =
  'Die Uhr war echt: das Zertifikat des Herstellers liegt bei. Größe 42, Farbe Schwarz.';
export const OTHER_GROUNDS = 'Towar był zgodny z opisem.';

/**
 * Five cases (Europe/Berlin, the clock on Monday 23 November 2026, 10:00): CB-2026-00001 and -00002 of seller
 * S-4711, LIVE 1 and 2 November; -00003 of another seller with a reversal of its own (never shown here);
 * -00004 on LIVE session L-3, without complaints. `others` complaints of older cases fill the register.
 */
export function messyRegister(others = 0) {
  const t = statementTracker(5, (i) => (i < 2 ? { 'Seller ID': 'S-4711' } : {}));
  const complain = (request: Record<string, unknown>) => {
    const reply = callAs<{ ok: boolean }>(t, 'recordComplaint', complaintRequest(request));
    if (!reply.ok) throw new Error(`complaint refused: ${JSON.stringify(reply)}`);
  };
  complain({
    caseId: 'CB-2026-00001',
    receivedAt: '2026-11-05T10:00:00Z',
    grounds: REVERSED_GROUNDS,
    decision: 'Reversed',
    decidedAt: '2026-11-09T09:00:00Z',
  });
  // Open: received Wednesday 18 November, so Monday 23 November is working day 3 of 10.
  complain({
    caseId: 'CB-2026-00001',
    receivedAt: '2026-11-18T10:00:00Z',
    grounds: 'Ich habe nichts falsch gemacht.',
    decision: '',
    decidedAt: '',
    decidedBy: '',
  });
  complain({ caseId: 'CB-2026-00002', grounds: FORMULA_GROUNDS });
  complain({ caseId: 'CB-2026-00003', grounds: OTHER_GROUNDS, decision: 'Reversed' });
  const dispute = callAs<{ ok: boolean }>(t, 'recordDispute', {
    requestId: newRequestId(),
    complaintId: 'CP-3',
    body: 'Sąd Polubowny przy UKE (Warszawa)',
    referredAt: '2026-11-16T09:00:00Z',
    complex: false,
  });
  if (!dispute.ok) throw new Error(`dispute refused: ${JSON.stringify(dispute)}`);
  const ctx = attachTracker(t.ws, t.spreadsheetId);
  const complaints = ctx.ss.getSheetByName('Complaints')!;
  const width = complaints.getLastColumn();
  const row = (values: unknown[]) => [...values, ...new Array(width - values.length).fill('')];
  complaints.insertRowsAfter(complaints.getMaxRows(), others + 10);
  complaints.getRange(complaints.getLastRow() + 1, 1, 2 + others, width).setValues([
    // Typed by hand: a partial reversal in lower case with a trailing space, and a row without real dates.
    row([
      'CP-H1',
      'CB-2026-00001',
      new Date('2026-10-15T09:00:00Z'),
      new Date('2026-10-20T09:00:00Z'),
      'Email',
      'Terms and conditions',
      'Teilweise berechtigt.',
      'partially reversed ',
    ]),
    row(['CP-H2', 'CB-2026-00001', 'gestern', '', 'Email', '', '', 'Reversed']),
    ...Array.from({ length: others }, (_, i) =>
      row([
        `CP-X${i}`,
        `CB-2025-${String(i + 1).padStart(5, '0')}`,
        new Date('2026-10-01T09:00:00Z'),
        new Date('2026-10-02T09:00:00Z'),
        'In-app form',
        'Terms and conditions',
        `Grund ${i}`,
        'Reversed',
      ]),
    ),
  ]);
  // A dispute of CP-1 already settled: not open.
  const disputes = ctx.ss.getSheetByName('Disputes')!;
  disputes
    .getRange(disputes.getLastRow() + 1, 1, 1, 7)
    .setValues([
      [
        'DS-H1',
        'CP-1',
        'ODS Europe',
        new Date('2026-11-10T09:00:00Z'),
        'No',
        'Settled',
        new Date('2026-11-20T09:00:00Z'),
      ],
    ]);
  t.ws.clock.set(Date.parse('2026-11-23T09:00:00Z'));
  return ctx;
}

/** What a person types for seller S-4711 (LIVE 5 November, within the window of both of its cases). */
export const SAME_SELLER = { sellerId: ' s-4711', policy: 'Misleading pricing', liveDate: '2026-11-05' };
