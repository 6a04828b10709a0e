/**
 * `npm run benchmark:queue`: what the reviewer queue costs at 1,000, 10,000 and 50,000 cases, through the
 * built bundle in the emulator: opening the queue sidebar, Claim next, a 500-case bulk action and a
 * Dashboard refresh. Service calls, cells moved and the latency model's estimate of Apps Script time go
 * to docs/benchmarks/queue.md; they are measurements, not assertions (tests/integration/queue-cost.test.ts
 * asserts the budgets).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { clickMenuItem } from '../emulator';
import { fillLibrary, OPS, OWNER } from '../tests/support/intake-tracker';
import { callAs, caseId, queueTracker, replyValue } from '../tests/support/queue-tracker';
import { build } from './build';

const SIZES = [1_000, 10_000, 50_000];

function measure(size: number) {
  const ctx = queueTracker();
  fillLibrary(ctx, size);
  const cost = (work: () => void) => {
    ctx.ws.ledger.reset();
    work();
    return {
      calls: ctx.ws.ledger.calls().length,
      cells: ctx.ws.ledger.cells(),
      modelledS: ctx.ws.ledger.modelledMs() / 1000,
    };
  };
  return {
    size,
    'Open the queue sidebar': cost(() => replyValue(callAs(ctx, OPS, 'getQueues', {}))),
    'Claim next': cost(() => replyValue(callAs(ctx, OPS, 'claimNext', { queueId: 'unassigned' }))),
    '500-case bulk action': cost(() =>
      replyValue(
        callAs(ctx, OPS, 'runBulkAction', {
          caseIds: Array.from({ length: 500 }, (_, i) => caseId(size - 500 + i + 1)),
          action: { kind: 'tag', tag: 'sweep' },
        }),
      ),
    ),
    'Dashboard refresh': cost(() =>
      clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Refresh dashboard' }),
    ),
  };
}

async function main(): Promise<void> {
  await build();
  const results = SIZES.map(measure);
  const operations = [
    'Open the queue sidebar',
    'Claim next',
    '500-case bulk action',
    'Dashboard refresh',
  ] as const;
  const rows = results.flatMap((r) =>
    operations.map((op) => {
      const m = r[op];
      return `| ${r.size.toLocaleString('en')} | ${op} | ${m.calls} | ${m.cells.toLocaleString('en')} | ${m.modelledS.toFixed(1)} |`;
    }),
  );
  const text = `# Reviewer queue benchmark

Measured by \`npm run benchmark:queue\` (scripts/benchmark-queue.ts) on ${new Date().toISOString().slice(0, 10)},
through the built bundle in the emulator, on a tracker filled with minimal rows (a case ID each, so every case
is open and unassigned). "Modelled" is the emulator's latency model (emulator/runtime/latency.ts): an estimate
of Apps Script time from the calls made and cells moved, to compare with the 30-second limit of a
google.script.run call from a sidebar and the 6-minute limit of the hourly run.

Opening a queue reads the header and the 16 queue columns (one read each), never the whole tab; Claim next
reads them again inside the document lock, then finds the chosen case by ID and reads its row to check its
sealed record, and finds it again right before writing it with a new record. A bulk action reads the Case ID
column and the chosen rows' span, then writes them in audited writes of 100 cases (each with its audit
intent and commit, and the Case ID column read again to place it).

| Cases | Operation | Service calls | Cells | Modelled Apps Script s |
| ---: | --- | ---: | ---: | ---: |
${rows.join('\n')}
`;
  const out = path.join(process.cwd(), 'docs/benchmarks');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'queue.md'), text);
  console.log(text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
