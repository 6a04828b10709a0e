/**
 * Issue 21 through the built bundle: the case view carries the case's complaints and their out-of-court
 * disputes, read narrowly: the same calls and cells read whether the Complaints and Disputes tabs hold 100
 * or 1,000 rows of other cases. A row typed by hand for the case without dates is left out, not guessed.
 */
import { callServerFunction } from '../../emulator/bridge/host';
import { newRequestId, OWNER, statementTracker } from '../support/statement-tracker';

type View = {
  complaints: {
    items: {
      complaintId: string;
      receivedAt: string;
      decision: string;
      handling: string;
      handlingDueAt: string;
      disputes: { disputeId: string; body: string; state: string; dueAt: string }[];
    }[];
    olderCount: number;
  };
};

function withComplaints(others: number) {
  const t = statementTracker(3);
  const session = { user: OWNER, spreadsheetId: t.spreadsheetId };
  const record = (receivedAt: string) => {
    const reply = callServerFunction(t.ws, session, 'recordComplaint', [
      {
        requestId: newRequestId(),
        caseId: 'CB-2026-00002',
        informedAt: '2026-11-03T10:00:00Z',
        receivedAt,
        channel: 'Email',
        basis: 'Illegal content',
        grounds: 'Die Marke ist nicht geschützt.',
      },
    ]);
    if (!reply.ok) throw new Error(reply.error.message);
  };
  record('2026-11-05T10:00:00Z');
  // The register of a busy team: complaints of other cases between this case's two.
  const complaints = t.ss.getSheetByName('Complaints')!;
  complaints.insertRowsAfter(complaints.getMaxRows(), others + 10);
  complaints
    .getRange(3, 1, others, 11)
    .setValues(
      Array.from({ length: others }, (_, i) => [
        `CP-${i + 2}`,
        `CB-2025-${String(i + 1).padStart(5, '0')}`,
        new Date('2026-10-01T09:00:00Z'),
        new Date('2026-10-02T09:00:00Z'),
        'In-app form',
        'Terms and conditions',
        `Grund ${i}`,
        'Upheld',
        new Date('2026-10-05T09:00:00Z'),
        'rui.review@governance.example',
        '',
      ]),
    );
  // Typed by hand for this case, without dates: left out.
  complaints.getRange(others + 3, 1, 1, 4).setValues([[`CP-${others + 2}`, 'CB-2026-00002', 'gestern', '']]);
  record('2026-11-20T10:00:00Z');
  const disputes = t.ss.insertSheet('Disputes');
  disputes.insertRowsAfter(disputes.getMaxRows(), others + 10);
  disputes
    .getRange(1, 1, others + 2, 7)
    .setValues([
      ['Dispute ID', 'Complaint ID', 'Body', 'Referred at', 'Complex', 'Outcome', 'Decided at'],
      ...Array.from({ length: others }, (_, i) => [
        `DS-${i + 2}`,
        `CP-${i + 2}`,
        'ODS Europe',
        new Date('2026-10-10T09:00:00Z'),
        'No',
        'Settled',
        new Date('2026-11-01T09:00:00Z'),
      ]),
      ['DS-1', 'CP-1', 'User Rights ODS (Berlin)', new Date('2026-11-16T09:00:00Z'), 'Yes', '', ''],
    ]);
  return { t, session };
}

function caseView(others: number) {
  const { t, session } = withComplaints(others);
  t.ws.ledger.reset();
  const reply = callServerFunction(t.ws, session, 'getCaseView', [{ caseId: 'CB-2026-00002' }]);
  if (!reply.ok) throw new Error(reply.error.message);
  const view = (reply.value as { view: View }).view;
  return { view, calls: t.ws.ledger.count(), cells: t.ws.ledger.cells() };
}

test('the case view lists the case’s complaints, newest first, with their clocks and disputes', () => {
  const { view } = caseView(20);
  expect(view.complaints.olderCount).toBe(0);
  expect(
    view.complaints.items.map((c) => [c.complaintId, c.receivedAt, c.decision, c.handling, c.handlingDueAt]),
  ).toEqual([
    ['CP-23', '2026-11-20', '', 'open', '2026-12-04'],
    // Received on Thursday 5 November: 10 working days end on Thursday 19 November; the clock reads 23 November.
    ['CP-1', '2026-11-05', '', 'overdue', '2026-11-19'],
  ]);
  expect(view.complaints.items[1]?.disputes).toEqual([
    // Complex: 180 days from 16 November 2026.
    expect.objectContaining({
      disputeId: 'DS-1',
      body: 'User Rights ODS (Berlin)',
      state: 'pending',
      dueAt: '2027-05-15',
    }),
  ]);
  expect(view.complaints.items[0]?.disputes).toEqual([]);
});

test('the case view reads the same calls and cells with 100 or 1,000 other complaints and disputes', () => {
  const small = caseView(100);
  const large = caseView(1_000);
  expect(large.view.complaints.items.map((c) => c.complaintId)).toEqual(['CP-1003', 'CP-1']);
  expect(large.calls).toBe(small.calls);
  expect(large.cells).toBe(small.cells);
});
