/**
 * Issue 21 acceptance: the statements of reasons built from the playground's demo library (emulator/
 * playground/seed.ts, made through Casebook's own functions) all pass every rule of the Database's validator
 * and the stricter date rules, with no excluded field; what is not ready says why.
 */
import { callServerFunction } from '../../emulator';
import { PEOPLE } from '../../emulator/playground/seed';
import type { DsaStatement } from '../../src/core/dsa/statement-rules';
import { excludedFields, validateStatement } from '../../src/core/dsa/statement-rules';
import { demoLibrary } from '../support/demo-library';

jest.setTimeout(180_000);

test('every statement exported from the demo library passes the validator; the others say why', () => {
  // The run's shared seed at this clock when another file made it (support/demo-library.ts), else seeded here.
  const { ws, spreadsheetId } = demoLibrary(Date.UTC(2026, 10, 23, 9));
  const session = { user: PEOPLE.owner.email, spreadsheetId };
  const reply = callServerFunction(ws, session, 'exportStatements', [{}]);
  if (!reply.ok) throw new Error(reply.error.message);
  const { summary } = reply.value as { summary: { ready: number; notReady: number; notNeeded: number } };
  const statements = [...ws.files.values()]
    .filter((f) => f.mimeType === 'application/json')
    .flatMap((f) => (JSON.parse(f.content) as { statements: DsaStatement[] }).statements);
  expect(statements.length).toBe(summary.ready);
  expect(statements.length).toBeGreaterThan(50);
  const broken = statements
    .map((s) => ({ puid: s.puid, problems: [...validateStatement(s), ...excludedFields(s)] }))
    .filter((s) => s.problems.length > 0);
  expect(broken).toEqual([]);
  // Each case not exported is in the preview with its reasons (a UK case, a warning: not needed).
  const preview = callServerFunction(ws, session, 'previewStatements', [{}]);
  if (!preview.ok) throw new Error(preview.error.message);
  const { notReady, notNeeded } = preview.value as {
    notReady: { reasons: string[] }[];
    notNeeded: { reasons: string[] }[];
  };
  for (const c of [...notReady, ...notNeeded]) expect(c.reasons.length).toBeGreaterThan(0);
});
