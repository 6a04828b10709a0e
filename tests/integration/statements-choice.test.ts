/**
 * Issue 21 through the built bundle: the sidebar's exportStatements and submitStatements take the same
 * choice as previewStatements (selected case IDs, a period of creation days, or nothing: all not yet sent)
 * and touch only the chosen cases; a bad choice is refused before anything is read or written. The menu
 * items keep taking every case not yet sent.
 */
import { callServerFunction } from '../../emulator';
import { OWNER, statementTracker } from '../support/statement-tracker';

type Tracker = ReturnType<typeof statementTracker>;

function call(t: Tracker, name: string, request?: unknown) {
  const reply = callServerFunction(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId }, name, [request]);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as { message: string; summary: Record<string, unknown> };
}

const statuses = (t: Tracker) => Object.fromEntries([...t.statements()].map(([id, m]) => [id, m.status]));

test('export takes selected cases or a period; submit takes the same choice; the rest stay untouched', () => {
  const t = statementTracker(5);
  const exported = call(t, 'exportStatements', { caseIds: ['CB-2026-00002', 'CB-2026-00004'] });
  expect(exported.summary).toMatchObject({ ready: 2, notReady: 0, notNeeded: 0 });
  expect(statuses(t)).toEqual({
    'CB-2026-00001': '',
    'CB-2026-00002': 'Exported',
    'CB-2026-00003': '',
    'CB-2026-00004': 'Exported',
    'CB-2026-00005': '',
  });
  const json = [...t.ws.files.values()].filter((f) => f.mimeType === 'application/json');
  expect(json).toHaveLength(1);
  const sent = JSON.parse(json[0]!.content) as { statements: { puid: string }[] };
  expect(sent.statements.map((s) => s.puid)).toEqual(['CB-2026-00002-r1', 'CB-2026-00004-r1']);
  // Created 2 and 3 November (Berlin): cases 1 and 2; case 2 was exported, not sent, so it goes too.
  const submitted = call(t, 'submitStatements', { createdFrom: '2026-11-02', createdTo: '2026-11-03' });
  expect(submitted.summary).toMatchObject({ submitted: 2, refused: 0, waiting: 0 });
  expect(statuses(t)).toEqual({
    'CB-2026-00001': 'Submitted',
    'CB-2026-00002': 'Submitted',
    'CB-2026-00003': '',
    'CB-2026-00004': 'Exported',
    'CB-2026-00005': '',
  });
  // Nothing chosen: all not yet sent; the menu item the same.
  expect(call(t, 'submitStatements').summary).toMatchObject({ submitted: 3 });
  expect(Object.values(statuses(t))).toEqual(Array(5).fill('Submitted'));
  expect(t.click('Submit statements of reasons')).toBe('0 statement(s) submitted.');
});

test('a bad choice is refused with a clear error and nothing written', () => {
  const t = statementTracker(2);
  for (const [name, request, message] of [
    [
      'exportStatements',
      { caseIds: ['CB-2026-00001'], createdFrom: '2026-11-02', createdTo: '2026-11-03' },
      'choose cases by ID or by period, not both',
    ],
    ['submitStatements', { createdFrom: '2026-11-02' }, 'createdFrom and createdTo go together'],
    [
      'exportStatements',
      { createdFrom: '03/11/2026', createdTo: '2026-11-04' },
      'createdFrom must be a day as YYYY-MM-DD',
    ],
    [
      'submitStatements',
      { createdFrom: '2026-11-04', createdTo: '2026-11-03' },
      'createdFrom is after createdTo',
    ],
  ] as const)
    expect(() => call(t, name, request)).toThrow(message);
  expect(Object.values(statuses(t))).toEqual(['', '']);
  expect(t.ws.files.size).toBe(0);
});
