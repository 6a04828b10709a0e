/**
 * Filter views in the playground: a tab's views (saved through the Sheets Advanced Service) are listed, and
 * applying one changes only the acting person's window: it hides and sorts rows for them, while other people,
 * the file and every script see the sheet unchanged. Applying a view is a person's action: no Apps Script call.
 * Docs: https://support.google.com/docs/answer/3540681 (filter views) and
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterView .
 */
import type { AddressInfo } from 'node:net';
import { gridLayout, gridRows } from '../../emulator/playground/grid-data';
import { createPlaygroundServer, playgroundState } from '../../emulator/playground/server';
import { ANA, filterViewPlayground, LEAD } from '../support/filter-view-playground';

test('the tab lists its views; applying one hides and sorts rows for the acting person only', () => {
  const { ws, ss, playground, viewId } = filterViewPlayground();
  expect(playground.filterViews('Cases')).toEqual([
    { filterViewId: viewId, title: 'Open, newest first', range: 'A1:C6' },
  ]);
  const everyone = gridLayout(ss, 'Cases').visibleRows.slice(0, 5);
  expect(everyone).toEqual([2, 3, 4, 5, 6]);

  ws.ledger.reset();
  playground.applyFilterView('Cases', viewId);
  expect(playground.lastOperation).toMatchObject({ calls: 0, error: null });
  expect(playgroundState(playground).filterViewId).toBe(viewId);
  const mine = gridLayout(ss, 'Cases', playground.appliedFilterView());
  expect(mine.visibleRows.slice(0, 3)).toEqual([6, 4, 2]);
  expect(mine.filteredColumns).toEqual([2]);
  expect(gridRows(ss, 'Cases', [3], 0, playground.appliedFilterView()).rows[0]!.hidden).toBe(true);

  // Ana's window, the file's basic filter and what scripts read are unchanged.
  playground.switchUser(ANA);
  expect(playground.appliedFilterView()).toBeNull();
  expect(gridLayout(ss, 'Cases', playground.appliedFilterView()).visibleRows.slice(0, 5)).toEqual([
    2, 3, 4, 5, 6,
  ]);
  expect(ws.getSpreadsheet(ss.id).sheets[0]!.filter).toBeNull();
  expect(ws.getSpreadsheet(ss.id).sheets[0]!.hiddenRows.size).toBe(0);

  // Back to the lead: their view is still applied; closing it shows every row again.
  playground.switchUser(LEAD);
  expect(playground.appliedFilterView()).toBe(viewId);
  playground.applyFilterView('Cases', null);
  expect(gridLayout(ss, 'Cases', playground.appliedFilterView()).visibleRows.slice(0, 5)).toEqual([
    2, 3, 4, 5, 6,
  ]);
});

test('an unknown view is refused with a clear error and changes nothing', () => {
  const { playground } = filterViewPlayground();
  expect(() => playground.applyFilterView('Cases', 424242)).toThrow('no filter view 424242 on Cases');
  expect(() => playground.applyFilterView('Nope', null)).toThrow('no tab named Nope');
  expect(playground.appliedFilterView()).toBeNull();
});

test('the server lists views, applies one for the acting person and serves their layout', async () => {
  const { playground, viewId } = filterViewPlayground();
  const server = createPlaygroundServer(playground);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (route: string, body: object) =>
    fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    const listed = await (await fetch(`${base}/api/filter-views?sheet=Cases`)).json();
    expect(listed).toEqual({
      views: [{ filterViewId: viewId, title: 'Open, newest first', range: 'A1:C6' }],
      applied: null,
    });
    expect((await post('/api/filter-view', { sheet: 'Cases', filterViewId: viewId })).status).toBe(200);
    const layout = (await (await fetch(`${base}/api/layout?sheet=Cases`)).json()) as {
      visibleRows: number[];
    };
    expect(layout.visibleRows.slice(0, 3)).toEqual([6, 4, 2]);
    const missing = await post('/api/filter-view', { sheet: 'Cases', filterViewId: 7 });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: 'No filter view 7 on Cases' });
    expect((await post('/api/filter-view', { sheet: 'Cases', filterViewId: 'x' })).status).toBe(400);
    await post('/api/user', { email: ANA });
    const theirs = (await (await fetch(`${base}/api/layout?sheet=Cases`)).json()) as {
      visibleRows: number[];
    };
    expect(theirs.visibleRows.slice(0, 5)).toEqual([2, 3, 4, 5, 6]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
