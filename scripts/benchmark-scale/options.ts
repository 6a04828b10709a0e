/**
 * The scale benchmark's command line: --sizes and --only, and where the report goes. A full run writes
 * docs/benchmarks/scale.md; a partial one (either option) writes docs/benchmarks/scale-partial.md
 * (git-ignored), so a quick check never overwrites the committed report.
 */
import { NAIVE_OPERATIONS, OPERATIONS } from './operations';
import { DEFAULT_SIZES } from './run';

export const FULL_REPORT = 'docs/benchmarks/scale.md';
export const PARTIAL_REPORT = 'docs/benchmarks/scale-partial.md';

export interface ScaleOptions {
  sizes: number[];
  /** The operations to measure, by report name; undefined: all of them. */
  only: ReadonlySet<string> | undefined;
  /** Where the report is written (relative to the repository). */
  out: string;
}

const KNOWN: readonly string[] = [...OPERATIONS, ...NAIVE_OPERATIONS];

function optionValue(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value after it.`);
  return value;
}

export function parseScaleArguments(args: readonly string[]): ScaleOptions {
  for (const arg of args)
    if (arg.startsWith('--') && arg !== '--sizes' && arg !== '--only')
      throw new Error(`Unknown option ${arg}: the scale benchmark takes --sizes and --only.`);
  const sizesText = optionValue(args, '--sizes');
  const onlyText = optionValue(args, '--only');
  let sizes = DEFAULT_SIZES;
  if (sizesText !== undefined) {
    sizes = sizesText.split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
    if (sizes.some((n) => !Number.isInteger(n) || n < 5))
      throw new Error('--sizes takes whole numbers of cases, at least 5 each, e.g. --sizes 1000,10000');
  }
  let only: Set<string> | undefined;
  if (onlyText !== undefined) {
    const names = onlyText.split(',').map((s) => s.trim());
    const byLowerCase = new Map(KNOWN.map((name) => [name.toLowerCase(), name]));
    const unknown = names.filter((name) => !byLowerCase.has(name.toLowerCase()));
    if (names.length === 0 || unknown.length > 0)
      throw new Error(
        `--only takes operation names separated by commas; ${unknown.map((n) => `"${n}"`).join(', ') || 'none was given'} is not one of: ${KNOWN.join(', ')}.`,
      );
    only = new Set(names.map((name) => byLowerCase.get(name.toLowerCase()) as string));
  }
  const partial = sizesText !== undefined || onlyText !== undefined;
  return { sizes, only, out: partial ? PARTIAL_REPORT : FULL_REPORT };
}
