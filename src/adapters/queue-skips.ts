/**
 * The cases a reviewer skipped, kept in that reviewer's own user properties (per tracker), so Claim next
 * does not hand them the same case again today while colleagues still get it. Small and self-pruning:
 * skips older than a day are dropped, at most MAX_SKIPS are kept. The reason lives in the Audit log.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()
 */
const SKIP_TTL_MS = 86_400_000;
const MAX_SKIPS = 200;

const keyOf = (spreadsheetId: string) => `casebook.queueSkips.${spreadsheetId}`;

type Skips = Record<string, number>;

function parse(stored: string | null, nowMs: number): Skips {
  if (!stored) return {};
  try {
    const raw = JSON.parse(stored) as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const skips: Skips = {};
    for (const [caseId, at] of Object.entries(raw as Record<string, unknown>))
      if (typeof at === 'number' && nowMs - at < SKIP_TTL_MS) skips[caseId] = at;
    return skips;
  } catch {
    return {};
  }
}

export function readSkips(spreadsheetId: string, nowMs: number): Set<string> {
  return new Set(
    Object.keys(parse(PropertiesService.getUserProperties().getProperty(keyOf(spreadsheetId)), nowMs)),
  );
}

export function addSkip(spreadsheetId: string, caseId: string, nowMs: number): void {
  const store = PropertiesService.getUserProperties();
  const skips = parse(store.getProperty(keyOf(spreadsheetId)), nowMs);
  skips[caseId] = nowMs;
  const kept = Object.entries(skips)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SKIPS);
  store.setProperty(keyOf(spreadsheetId), JSON.stringify(Object.fromEntries(kept)));
}
