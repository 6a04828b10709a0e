/** The weekly Doc's DSA transparency figures: a section with one table, or one line in a quiet week. */
import { transparencyFigures } from '../../src/core/dsa/transparency-figures';
import { transparencyBlocks } from '../../src/core/report/transparency-section';
import { validStatement } from '../support/dsa-reference';

test('a quiet week is one muted line among the figures; a group with nothing takes one row', () => {
  const period = { startMs: Date.UTC(2026, 10, 2), endMs: Date.UTC(2026, 10, 9) };
  const empty = transparencyBlocks(transparencyFigures(period, [], [], []));
  expect(empty.section).toEqual([]);
  expect(empty.inFigures).toEqual([
    {
      kind: 'paragraph',
      runs: [
        {
          text: 'DSA transparency figures (Art. 15 and 24): no complaints, out-of-court disputes or statements of reasons this week.',
        },
      ],
      muted: true,
    },
  ]);
  const one = transparencyBlocks(transparencyFigures(period, [], [], [validStatement('CB-1-r1')]));
  expect(one.inFigures).toEqual([]);
  expect(one.section[0]).toEqual({ kind: 'heading', level: 'HEADING2', text: 'DSA transparency figures' });
  expect((one.section[1] as { rows: string[][] }).rows).toEqual([
    ['Figure', 'This week'],
    ['Complaints received', '0'],
    ['Out-of-court disputes', '0'],
    ['Statements of reasons', '1'],
    ['Statements by category', 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS: 1'],
    ['Statements by restriction', expect.any(String)],
    ['Statements by automation', expect.any(String)],
  ]);
});
