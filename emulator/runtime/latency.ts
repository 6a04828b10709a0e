/**
 * Latency model: estimates how long an operation would take in Apps Script from the calls it made.
 * Parameters come from ../shared/reference/apps-script-facts.md ("Speed"), which cites Google's
 * best-practices guide (https://developers.google.com/apps-script/guides/support/best-practices) and
 * published measurements. It is an estimate for budgets and benchmarks, never a timing assertion.
 */

export interface LatencyParameters {
  /** Uncached round trip of one service call (facts: "roughly 30-160 ms"; getLastRow about 160 ms). */
  defaultCallMs: number;
  /** Per-member overrides (facts: flush about 0.5 s, Properties get 30 / set 60 ms, Cache get 3 / put 90 ms). */
  memberMs: Record<string, number>;
  /** Per cell read or written by a batched call (facts: setValues of 4,000 cells under 50 ms -> about 0.0125 ms). */
  perCellMs: number;
  /**
   * Builders and page outputs (Menu, *Builder, HtmlOutput) are assembled inside the script; the round trip
   * is the call that hands them to a service (addToUi, build() consumers, showSidebar). An assumption the
   * facts file does not measure (verify), so they cost almost nothing here.
   */
  localMember: RegExp;
  localCallMs: number;
}

export const DEFAULT_LATENCY: LatencyParameters = {
  defaultCallMs: 50,
  memberMs: {
    'Sheet.getLastRow': 160,
    'Sheet.getLastColumn': 160,
    'SpreadsheetApp.flush': 500,
    'Properties.getProperty': 30,
    'Properties.getProperties': 30,
    'Properties.setProperty': 60,
    'Properties.setProperties': 60,
    'Properties.deleteProperty': 60,
    'Cache.get': 3,
    'Cache.getAll': 3,
    'Cache.put': 90,
    'Cache.putAll': 90,
    'Logger.log': 1,
  },
  perCellMs: 0.0125,
  localMember:
    /^(Menu|DataValidationBuilder|ConditionalFormatRuleBuilder|FilterCriteriaBuilder|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|HtmlOutput|HtmlTemplate)\.(?!addToUi$|create$)/,
  localCallMs: 0.1,
};

export function modelledCallMs(params: LatencyParameters, member: string, cells: number): number {
  const base =
    params.memberMs[member] ?? (params.localMember.test(member) ? params.localCallMs : params.defaultCallMs);
  return base + cells * params.perCellMs;
}
