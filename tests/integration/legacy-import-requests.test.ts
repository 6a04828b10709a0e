/**
 * The import dialog's server functions called from the console with garbage: wrong types, unknown keys,
 * fields an import cannot fill, values not in the Lists, oversized maps. Each gets a clear BadArgument and
 * nothing is written. Also: confirmed value maps saved as Lists tab synonyms are read by the next import,
 * and an import whose plan no longer matches its preview writes nothing.
 */
import { germanTracker } from '../fixtures/legacy/german-tracker';
import { call, callError, OWNER } from '../support/intake-tracker';
import { acceptProposals, trackerWithLegacyTab } from '../support/legacy-tracker';

const fixture = germanTracker();

function setUp() {
  const ctx = trackerWithLegacyTab(fixture);
  const accepted = acceptProposals(ctx, fixture.tab);
  const lists = ctx.ss.getSheetByName('Lists')!;
  const snapshot = () => ({
    cases: ctx.cases.getDataRange().getValues(),
    lists: lists.getDataRange().getValues(),
    sheets: ctx.ss.getSheets().map((s) => s.getName()),
  });
  return { ctx, request: accepted.request, snapshot };
}

const mapping = (request: Record<string, unknown>) =>
  request.mapping as { column: number; field: string | null }[];

test('garbage requests to every step are refused with a clear message and nothing is written', () => {
  const { ctx, request, snapshot } = setUp();
  const before = snapshot();
  const oversized = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`v${i}`, '']));
  const garbage: [string, unknown, string][] = [
    ['proposeLegacyImport', 42, 'tab must be non-empty text'],
    ['proposeLegacyImport', 'Audit log', "one of Casebook's own tabs"],
    ['proposeLegacyValues', 'Altes Tracking', 'request must be an object'],
    ['proposeLegacyValues', { tab: fixture.tab }, 'mapping must be a list'],
    [
      'proposeLegacyValues',
      { tab: fixture.tab, mapping: [{ column: '1', field: 'market' }] },
      'mapping column must be a whole number from 1 to 13',
    ],
    [
      'proposeLegacyValues',
      { tab: fixture.tab, mapping: [{ column: 1, field: 'market', extra: 1 }] },
      'mapping entry has unknown key "extra"',
    ],
    ['previewLegacyImport', { ...request, sneaky: true }, 'request has unknown key "sneaky"'],
    [
      'previewLegacyImport',
      { ...request, mapping: [{ column: 1, field: 'createdBy' }] },
      '"createdBy" is not a field an import can fill',
    ],
    ['previewLegacyImport', { ...request, valueMaps: [] }, 'valueMaps must be an object'],
    [
      'previewLegacyImport',
      { ...request, valueMaps: { summary: { a: 'b' } } },
      'valueMaps: "summary" is not a choice field whose values can be mapped',
    ],
    [
      'previewLegacyImport',
      { ...request, valueMaps: { policy: { Fälschung: 'Witchcraft' } } },
      '"Witchcraft" is not in the Policy list',
    ],
    [
      'previewLegacyImport',
      { ...request, valueMaps: { policy: { Fälschung: 7 } } },
      'valueMaps.policy["Fälschung"] must be text',
    ],
    [
      'previewLegacyImport',
      { ...request, valueMaps: { policy: oversized } },
      'valueMaps.policy has more than 500 values',
    ],
    [
      'previewLegacyImport',
      { ...request, defaults: { status: 'Archived' } },
      '"Archived" is not in the Status list',
    ],
    [
      'previewLegacyImport',
      { ...request, defaults: { caseId: 'CB-2026-00001' } },
      'defaults: "caseId" is not a field an import can fill',
    ],
    ['previewLegacyImport', { ...request, defaults: { status: ['Closed'] } }, 'defaults.status must be text'],
    [
      'previewLegacyImport',
      { ...request, defaults: { liveDate: 'someday' } },
      'defaults.liveDate: "someday" is not a date',
    ],
    ['runLegacyImport', { ...request, tab: 'Lists' }, "one of Casebook's own tabs"],
    [
      'runLegacyImport',
      { ...request, valueMaps: { market: { Bayern: 'Bavaria' } } },
      '"Bavaria" is not in the Market list',
    ],
    ['runLegacyImport', { ...request, digest: 42 }, 'digest must be non-empty text'],
    [
      'runLegacyImport',
      { ...request, mapping: [...mapping(request), { column: 13, field: 'market' }] },
      '"market" is mapped to more than one column',
    ],
    [
      'saveLegacySynonyms',
      { valueMaps: { policy: { Fälschung: 'Witchcraft' } } },
      '"Witchcraft" is not in the Policy list',
    ],
    ['saveLegacySynonyms', { valueMaps: { policy: { Fälschung: '' } } }, 'No mapped values to save'],
    ['saveLegacySynonyms', { valueMaps: {}, tab: 'x' }, 'request has unknown key "tab"'],
  ];
  for (const [name, arg, message] of garbage)
    expect([name, callError(ctx, name, arg)]).toEqual([name, expect.stringContaining(message)]);
  expect(snapshot()).toEqual(before);
});

test('an import whose plan differs from the preview the person saw writes nothing', () => {
  const { ctx, request, snapshot } = setUp();
  const preview = call<{ digest: string }>(ctx, 'previewLegacyImport', request);
  // Someone edits the old tab after the preview: one refused row becomes importable.
  const data = ctx.legacy.getRange(2, 9, ctx.legacy.getLastRow() - 1, 1).getValues();
  const blankSummary = data.findIndex(
    (r, i) => r[0] === '' && ctx.legacy.getRange(i + 2, 2).getValue() !== '',
  );
  ctx.legacy.getRange(blankSummary + 2, 9).setValue('Summary added after the preview');
  const before = snapshot();
  expect(callError(ctx, 'runLegacyImport', { ...request, digest: preview.digest })).toMatch(
    /changed since the preview, so nothing was imported: preview again/,
  );
  expect(snapshot()).toEqual(before);
});

test('confirmed value maps saved as Lists synonyms are read by the next import without any map', () => {
  const { ctx, request } = setUp();
  const valueMaps = request.valueMaps as Record<string, Record<string, string>>;
  // Ops may not: the Lists tab is the owner's. The owner saves them.
  expect(callError(ctx, 'saveLegacySynonyms', { valueMaps })).toMatch(
    /^Only the tracker's owner \(.+\) or an admin they name can save synonyms/,
  );
  const asOwner = { ...ctx, session: { ...ctx.session, user: OWNER } };
  const saved = call<{ added: number }>(asOwner, 'saveLegacySynonyms', { valueMaps });
  const expected = Object.values(valueMaps).flatMap((m) => Object.values(m).filter((v) => v !== '')).length;
  expect(saved.added).toBe(expected);
  // Saving again adds nothing: the Lists tab already knows them.
  expect(call<{ added: number }>(asOwner, 'saveLegacySynonyms', { valueMaps }).added).toBe(0);
  const withMaps = call<{ counts: Record<string, number> }>(ctx, 'previewLegacyImport', request);
  const withoutMaps = call<{ counts: Record<string, number> }>(ctx, 'previewLegacyImport', {
    ...request,
    valueMaps: {},
  });
  expect(withoutMaps.counts).toEqual(withMaps.counts);
  const lists = ctx.ss.getSheetByName('Lists')!.getDataRange().getValues();
  expect(lists.some((row) => row.join('|').includes('policy|Fälschung|Counterfeit goods'))).toBe(true);
});
