/** The weekly Doc's DSA transparency section: one heading and one table of the week's figures. */
import { transparencyFigures } from '../../src/core/dsa/transparency-figures';
import { transparencySectionBlocks } from '../../src/core/report/transparency-section';
import { validStatement } from '../support/dsa-reference';

test('the section lists every figure, "none" and "n/a" when there is nothing', () => {
  const period = { startMs: Date.UTC(2026, 10, 2), endMs: Date.UTC(2026, 10, 9) };
  const empty = transparencySectionBlocks(transparencyFigures(period, [], [], []));
  expect(empty[0]).toEqual({ kind: 'heading', level: 'HEADING2', text: 'DSA transparency figures' });
  const table = empty[1] as { kind: 'table'; rows: string[][] };
  expect(table.rows).toHaveLength(13);
  expect(table.rows.find((r) => r[0] === 'Median complaint handling time')?.[1]).toBe('n/a');
  expect(table.rows.find((r) => r[0] === 'Complaints by basis')?.[1]).toBe('none');
  const one = transparencySectionBlocks(transparencyFigures(period, [], [], [validStatement('CB-1-r1')]));
  expect((one[1] as { rows: string[][] }).rows.find((r) => r[0] === 'Statements by category')?.[1]).toBe(
    'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS: 1',
  );
});
