/**
 * Issue 18 point 7: every colour Casebook sets is in one list with its meaning (the About sidebar's legend),
 * the four are distinct hues, and the sheet's text on each passes WCAG AA (4.5:1), computed by the WCAG 2
 * formula (checked here against W3C's own reference values).
 */

import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { AA_NORMAL_TEXT, contrastRatio, relativeLuminance } from '../../src/core/tracker/contrast';
import { caseFormatRules, HIGHLIGHTS, SHEET_TEXT_COLOR } from '../../src/core/tracker/formats';

test('the contrast formula gives WCAG’s reference values', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  // #777777 on white is the classic just-under-AA grey (4.48:1).
  expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
  expect(() => relativeLuminance('red')).toThrow('"red" is not a #rrggbb colour');
});

test('every highlight has a label and meaning, text on it passes AA, and no two share a colour', () => {
  for (const h of HIGHLIGHTS) {
    expect(h.label).not.toBe('');
    expect(h.meaning).not.toBe('');
    expect({ name: h.name, aa: contrastRatio(SHEET_TEXT_COLOR, h.background) >= AA_NORMAL_TEXT }).toEqual({
      name: h.name,
      aa: true,
    });
  }
  const colours = HIGHLIGHTS.map((h) => h.background.toLowerCase());
  expect(new Set(colours).size).toBe(colours.length);
  // Distinct hues, not four shades of pink: the strongest channel differs or the mix does.
  const hue = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max === min) return 0;
    const h =
      max === r ? (g - b) / (max - min) : max === g ? 2 + (b - r) / (max - min) : 4 + (r - g) / (max - min);
    return (h * 60 + 360) % 360;
  };
  const hues = colours.map(hue).sort((a, b) => a - b);
  for (let i = 1; i < hues.length; i++)
    expect((hues[i] as number) - (hues[i - 1] as number)).toBeGreaterThan(15);
});

test('the Cases tab rules use exactly the legend’s colours, the most urgent first', () => {
  const columnOf = new Map(CASE_FIELDS.map((f, i) => [f.header as string, i + 1]));
  const rules = caseFormatRules(columnOf);
  expect(rules.map((r) => [r.name, r.background])).toEqual(HIGHLIGHTS.map((h) => [h.name, h.background]));
});
