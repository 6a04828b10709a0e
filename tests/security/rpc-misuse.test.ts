/**
 * Threat model, RPC misuse: a hostile editor (or a viewer) calls every google.script.run function of the
 * built bundle from the browser console with garbage: wrong types, huge payloads, deep nesting, Dates,
 * other case IDs, system fields, __proto__ keys. Each call is refused with a clear, specific message (never
 * a JavaScript internal error) and nothing is written, installed or sent.
 */
import { callServerFunction, clientCallableFunctions } from '../../emulator';
import { automatedTracker, newCase } from '../support/automation-tracker';
import { OPS, type Tracker } from '../support/intake-tracker';
import { fingerprint } from './support/fingerprint';

/** Messages a handler that did not check its input would fail with. */
const INTERNAL_ERROR =
  /Cannot read prop|Cannot set prop|is not a function|is not iterable|undefined is not|null is not|Maximum call stack|Invalid array length|Cannot convert/;

/** The google.script.run functions the sidebars use (src/server/rpc.ts), which take one request each. */
const DATA_FUNCTIONS = [
  'addWorkNote',
  'claimNext',
  'findDuplicates',
  'getAboutInfo',
  'getCaseView',
  'getIntakeOptions',
  'getQueues',
  'getSelectedCaseIds',
  'listLegacyTabs',
  'openQueueCase',
  'proposeLegacyImport',
  'refreshQueueSla',
  'releaseCase',
  'runBulkAction',
  'runLegacyImport',
  'skipCase',
  'submitCase',
  'updateCase',
];

function manyKeys(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, `value ${i}`]));
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { nested: value, list: [i] };
  return value;
}

/** Argument lists a hostile console user might send; `caseId` is a real case of the tracker. */
function garbage(caseId: string): unknown[][] {
  const huge = 'x'.repeat(2_000_000);
  return [
    [],
    [null],
    [0],
    [-1],
    [Number.MAX_VALUE],
    [true],
    ['text'],
    [caseId],
    [[]],
    [{}],
    [[1, 'two', { three: 3 }]],
    ['a', 'b', 'c', 'd', 'e'],
    [huge],
    [{ caseId: huge }],
    [{ caseId: 42 }],
    [{ caseId: [caseId] }],
    [{ caseId: { toString: 'CB-2026-00001' } }],
    [{ caseId: `${caseId}'; DROP TABLE` }],
    [{ caseId: 'CB-2026-99999', version: 'v', changes: { summary: 'hijack' } }],
    [{ caseId, version: 'stale', changes: { summary: 'overwrite' } }],
    [{ caseId, version: 'stale', changes: { acceptedStatus: 'Closed', slaNotices: 'breach sent' } }],
    [{ caseId, changes: { caseId: 'CB-2026-00042' } }],
    [{ submissionId: huge, fields: {} }],
    [{ submissionId: 'garbage-1', fields: 'not an object' }],
    [{ submissionId: 'garbage-2', fields: [] }],
    [{ submissionId: 'garbage-3', fields: { summary: deep(40) } }],
    [{ submissionId: 'garbage-4', fields: { summary: 'x'.repeat(60_000) } }],
    [{ submissionId: 'garbage-5', fields: manyKeys(20_000) }],
    [
      {
        submissionId: 'garbage-6',
        fields: { status: 'Closed', acceptedStatus: 'Closed', caseId: 'CB-2026-00042' },
      },
    ],
    [{ tab: 'Audit log', mapping: manyKeys(500) }],
    [{ tab: 'Cases', mapping: { summary: 'Case ID' } }],
    [{ tab: { name: 'Cases' } }],
    [deep(200)],
    [
      JSON.parse(
        '{"__proto__":{"caseId":"CB-2026-00001","ok":true,"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      ),
    ],
    [JSON.parse('{"submissionId":"garbage-7","fields":{"__proto__":{"status":"Closed"},"summary":"x"}}')],
  ];
}

function hostileCalls(ctx: Tracker, name: string, caseId: string, user: string): string[] {
  const problems: string[] = [];
  for (const args of garbage(caseId)) {
    const reply = callServerFunction(ctx.ws, { ...ctx.session, user }, name, args);
    const shown = JSON.stringify(args).slice(0, 80);
    if (!reply.ok && (INTERNAL_ERROR.test(reply.error.message) || reply.error.message.trim() === ''))
      problems.push(`${name}(${shown}) failed unclearly: ${reply.error.message}`);
    if (reply.ok && /submitCase|updateCase|runLegacyImport|runBulkAction|refreshQueueSla/.test(name)) {
      const value = reply.value as { ok?: boolean };
      if (value?.ok !== false)
        problems.push(`${name}(${shown}) was accepted: ${JSON.stringify(value).slice(0, 200)}`);
    }
  }
  return problems;
}

let ctx: Tracker;
let caseId: string;
beforeAll(() => {
  ctx = automatedTracker();
  caseId = newCase(ctx).caseId;
  newCase(ctx);
});

test('the sidebars use only functions the bundle offers, and the console can reach them all', () => {
  const offered = clientCallableFunctions(ctx.ws, ctx.session);
  for (const name of DATA_FUNCTIONS) expect(offered).toContain(name);
});

describe.each(DATA_FUNCTIONS)('%s called by a hostile editor with garbage', (name) => {
  test('is refused with a clear message; nothing is written, installed or sent', () => {
    const before = fingerprint(ctx);
    expect(hostileCalls(ctx, name, caseId, OPS)).toEqual([]);
    expect(fingerprint(ctx)).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

test('a Date anywhere in the arguments is refused by google.script.run before the server runs', () => {
  const before = fingerprint(ctx);
  for (const name of DATA_FUNCTIONS) {
    for (const args of [
      [new Date()],
      [{ caseId, changes: { liveDate: new Date() } }],
      [{ fields: { a: [new Date()] } }],
    ]) {
      const reply = callServerFunction(ctx.ws, ctx.session, name, args);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message).toMatch(/illegal value/);
    }
  }
  expect(fingerprint(ctx)).toEqual(before);
});

test('private functions (a trailing underscore) and names the bundle lacks are not callable', () => {
  for (const name of ['readCases_', 'recordAudit_', 'eval', 'constructor', '__proto__', 'Function']) {
    const reply = callServerFunction(ctx.ws, ctx.session, name, []);
    expect(reply.ok).toBe(false);
  }
});
