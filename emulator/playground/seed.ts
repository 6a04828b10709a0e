/**
 * The playground's demo library: a tracker set up by its owner, then eight weeks of cases logged and worked
 * by the team, all through Casebook's own functions (menu items and the google.script.run handlers the
 * sidebars call), with the workspace clock moved along so every timestamp is where it would be. Seeded
 * pseudo-randomly, so every fresh start shows the same library.
 */
import { callServerFunction } from '../bridge/host';
import { simulateEdit } from '../events/edit';
import { clickMenuItem, openSpreadsheet } from '../events/open';
import type { Workspace } from '../workspace';

export const PEOPLE = {
  owner: { email: 'lead@governance.example', name: 'Lena (team lead, owner)' },
  ops: { email: 'ana.ops@governance.example', name: 'Ana (ops)' },
  ops2: { email: 'marek.ops@governance.example', name: 'Marek (ops)' },
  reviewer: { email: 'rui.review@governance.example', name: 'Rui (reviewer)' },
  manager: { email: 'claire.manager@governance.example', name: 'Claire (manager)' },
} as const;

export const TRACKER_NAME = 'EU LIVE governance tracker';
const DAY = 86_400_000;
const WEEKS = 8;

/** Mulberry32: small, seedable, good enough to pick demo values. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Lists {
  markets: string[];
  policies: { name: string; ground: string; legalGround: string; illegalityExplanation: string }[];
  actions: { name: string; temporary: boolean; dsaDecision: string }[];
  teams: string[];
  rootCauses: string[];
}

const SUMMARIES: Record<string, string[]> = {
  'Counterfeit goods': [
    'Host showed replica sneakers with a well-known logo and called them originals.',
    'Handbags sold as genuine; brand owner notice attached.',
  ],
  'Prohibited products': [
    'Vapes offered to viewers during the LIVE.',
    'Prescription-only medicine sold in chat.',
  ],
  'Unsafe products': ['Toys without CE marking demonstrated to viewers.', 'Recalled hair dryer model sold.'],
  'Misleading pricing': [
    'Countdown "80% off" price that was the normal price all week.',
    'Price changed at checkout after the LIVE ended.',
  ],
  'Misleading product claims': [
    'Supplement claimed to cure joint pain.',
    'Cream sold as "clinically proven" without evidence.',
  ],
  'Off-platform transactions': ['Host asked viewers to pay by bank transfer for a discount.'],
  'Fake engagement': [
    'Viewer count jumped from 40 to 9,000 in two minutes with no chat activity.',
    'Bot comments and likes in bursts; traffic anomaly flagged by the algorithm team.',
  ],
  'Scams and fraud': ['Mystery boxes never shipped; 14 buyer complaints.'],
  'Hate and harassment on stream': ['Host insulted a buyer in chat over a refund request.'],
};
const GENERIC = [
  'Reported during a LIVE; reviewed against the policy.',
  'Flagged by automated detection; confirmed on review.',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A weighted pick: early items far more often, like a real team's mix of markets and policies. */
function pickSkewed<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() ** 2.2 * items.length)] as T;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface SeedResult {
  spreadsheetId: string;
  cases: number;
}

/** Where a seed is: cases logged so far, cases worked through their lifecycle, and the stage it is in. */
export interface SeedProgress {
  stage: 'setting up' | 'logging' | 'working' | 'sealing';
  logged: number;
  worked: number;
  /** Cases to log (the library's size). */
  total: number;
}

/**
 * Builds the demo tracker in `ws` with at least `count` cases over the last eight weeks, ending at the
 * workspace clock's current time, yielding its progress after every case so a caller can let other work
 * (an HTTP server answering with the progress) run in between. The calls are the same however it is run.
 */
/** Cases worked between two drains of the audit channel (as the owner's hourly run would). */
const DRAIN_EVERY = 40;

export function* seedDemoSteps(ws: Workspace, count = 320): Generator<SeedProgress, SeedResult, void> {
  const progress = (stage: SeedProgress['stage'], logged: number, worked: number): SeedProgress => ({
    stage,
    logged,
    worked,
    total: count,
  });
  yield progress('setting up', 0, 0);
  for (const person of Object.values(PEOPLE))
    if (!ws.users.has(person.email)) ws.addUser(person.email, person.name);
  const end = ws.clock.now();
  const start = end - WEEKS * 7 * DAY;
  ws.clock.set(start - DAY);
  const tracker = ws.createSpreadsheet({
    name: TRACKER_NAME,
    owner: PEOPLE.owner.email,
    timeZone: 'Europe/Berlin',
  });
  for (const person of [PEOPLE.ops, PEOPLE.ops2, PEOPLE.reviewer, PEOPLE.manager])
    ws.shareSpreadsheet(tracker.id, person.email);
  const ownerSession = { user: PEOPLE.owner.email, spreadsheetId: tracker.id };
  openSpreadsheet(ws, ownerSession);
  clickMenuItem(ws, { ...ownerSession, caption: 'Set up tracker' });

  const next = random(20261123);
  const call = (user: string, name: string, ...args: unknown[]) => {
    const reply = callServerFunction(ws, { user, spreadsheetId: tracker.id }, name, args);
    if (!reply.ok) throw new Error(`seed: ${name} failed: ${reply.error.message}`);
    return reply.value as Record<string, unknown>;
  };
  const lists = call(PEOPLE.ops.email, 'getIntakeOptions').lists as Lists;
  const sellers = Array.from({ length: 110 }, (_, i) => `S-${10_400 + i * 7}`);
  // A few sellers keep coming back: the repeat offenders the weekly summary should find.
  const repeaters = sellers.slice(0, 6);
  const created: { caseId: string; at: number; illegal: boolean }[] = [];

  for (let i = 0; i < count; i++) {
    yield progress('logging', i, 0);
    ws.clock.set(start + Math.floor(((i + next()) / count) * (end - start - DAY)));
    const logger = next() < 0.6 ? PEOPLE.ops : PEOPLE.ops2;
    const policy = pickSkewed(next, lists.policies);
    const action = pickSkewed(next, lists.actions);
    const automated = next() < 0.45;
    const live = ws.clock.now() - Math.floor(next() * 3) * DAY;
    const fields: Record<string, string> = {
      market: pickSkewed(next, ['DE', 'FR', 'ES', 'IT', 'PL', 'NL', 'SE', 'BE', 'AT', 'IE', 'PT', 'CZ']),
      sellerId: next() < 0.22 ? pick(next, repeaters) : pick(next, sellers),
      shopName: `Shop ${Math.floor(next() * 900 + 100)}`,
      liveSessionId: `L-${Math.floor(next() * 9_000_000 + 1_000_000)}`,
      liveDate: day(live),
      policy: policy.name,
      action: action.name,
      detectionSource: automated
        ? 'Automated'
        : pick(next, ['Human review', 'User report', 'Trusted flagger']),
      automatedDecision: automated ? pick(next, ['Fully automated', 'Partially automated']) : 'Not automated',
      severity: pickSkewed(next, ['P3', 'P2', 'P4', 'P1']),
      summary: pick(next, SUMMARIES[policy.name] ?? GENERIC),
      status: 'New',
      owner: logger.email,
    };
    if (policy.ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      fields.legalGround = policy.legalGround || 'National consumer protection law';
      fields.illegalityExplanation = policy.illegalityExplanation || 'The offer breaks that law.';
    }
    if (action.temporary) fields.restrictionEnd = day(live + (7 + Math.floor(next() * 24)) * DAY);
    if (action.dsaDecision.endsWith('_OTHER')) fields.otherRestriction = 'Hidden from LIVE recommendations';
    if (next() < 0.3) fields.tags = pick(next, ['traffic-anomaly', 'repeat-seller', 'brand-notice', 'press']);
    const request = { submissionId: `seed-${String(i).padStart(5, '0')}`, fields };
    let reply = call(logger.email, 'submitCase', request);
    if (reply.ok === false && Array.isArray(reply.duplicates)) {
      const caseIds = (reply.duplicates as { caseId: string }[]).map((d) => d.caseId);
      const duplicateChoice =
        next() < 0.7
          ? { kind: 'related', caseIds }
          : { kind: 'distinct', caseIds, reason: 'Different product in a later LIVE.' };
      reply = call(logger.email, 'submitCase', { ...request, duplicateChoice });
    }
    if (reply.ok !== true) throw new Error(`seed: case ${i} refused: ${JSON.stringify(reply.errors)}`);
    created.push({
      caseId: String(reply.caseId),
      at: ws.clock.now(),
      illegal: policy.ground === 'DECISION_GROUND_ILLEGAL_CONTENT',
    });
  }

  // The team works the cases through the lifecycle, one sidebar save per step, as people would: most are
  // triaged, some escalated or waiting on the merchant, many resolved and closed, a few appealed.
  for (const [index, record] of created.entries()) {
    yield progress('working', count, index);
    // The owner's hourly run seals the ops staff's waiting entries along the way; Verify audit log does
    // the same here, so the add-on's store never holds weeks of entries at once.
    if (index % DRAIN_EVERY === DRAIN_EVERY - 1) {
      ws.answerNextDialog({ button: 'OK' });
      clickMenuItem(ws, { ...ownerSession, caption: 'Verify audit log' });
    }
    const age = (end - record.at) / DAY;
    if (age < 1 || next() < 0.15) continue;
    let at = record.at;
    const worker = next() < 0.5 ? PEOPLE.ops : PEOPLE.reviewer;
    // The sidebar is opened once; each save answers with the case's new version, as it does for people.
    let version = '';
    const step = (changes: Record<string, string>) => {
      at = Math.min(end - 1000, at + (0.1 + next() * Math.min(age / 4, 3)) * DAY);
      ws.clock.set(at);
      if (version === '')
        version = (call(worker.email, 'getCaseView', { caseId: record.caseId }).view as { version: string })
          .version;
      const reply = call(worker.email, 'updateCase', { caseId: record.caseId, version, changes });
      if (reply.ok !== true)
        throw new Error(
          `seed: ${record.caseId} refused ${JSON.stringify(changes)}: ${JSON.stringify(reply)}`,
        );
      version = String(reply.version);
    };
    step({ status: 'Triaged' });
    const roll = next();
    if (roll < 0.25) {
      step({ status: 'Escalated', escalatedTo: pickSkewed(next, lists.teams), owner: worker.email });
      if (next() < 0.35) step({ status: 'Awaiting response' });
      if (age > 10 && next() < 0.6)
        step({
          status: 'Resolved',
          resolution: 'Team answered; enforcement confirmed.',
          rootCause: 'Seller conduct',
        });
    } else if (roll < 0.45) {
      if (next() < 0.3) step({ status: 'Awaiting response' });
    } else {
      const appeal = next();
      if (appeal < 0.12) {
        step({
          status: 'Resolved',
          appealStatus: 'Overturned',
          misjudgement: 'Yes',
          rootCause: pickSkewed(next, ['Algorithm', 'Governance', 'Product', 'Not reproduced']),
          overturnReason: 'The appeal showed the listing was genuine.',
          resolution: 'Appeal overturned the enforcement; restriction lifted.',
        });
      } else {
        step({
          status: 'Resolved',
          resolution: 'Enforcement confirmed and seller informed.',
          rootCause: 'Seller conduct',
          ...(appeal < 0.3 ? { appealStatus: pick(next, ['Upheld', 'Pending']) } : {}),
        });
      }
      if (next() < 0.7) step({ status: 'Closed' });
    }
  }
  yield progress('sealing', count, created.length);
  ws.clock.set(end);
  // The owner names the team (Settings "Team members"), so the setup below saves a "My open cases" filter
  // view for each of them (issue 17).
  const settings = ws.getSpreadsheet(tracker.id).sheets.find((s) => s.name === 'Settings');
  const membersRow = settings?.cells.findIndex((row) => row?.[0]?.value === 'Team members') ?? -1;
  if (membersRow >= 0)
    simulateEdit(ws, {
      user: PEOPLE.owner.email,
      spreadsheetId: tracker.id,
      sheet: 'Settings',
      a1: `B${membersRow + 1}`,
      values: [PEOPLE.ops, PEOPLE.ops2, PEOPLE.reviewer].map((p) => p.email).join(', '),
    });
  // The ops staff's entries wait in the audit channel; the owner's run seals them into the protected log,
  // as the owner's hourly automation would have done along the way.
  clickMenuItem(ws, { ...ownerSession, caption: 'Set up tracker' });
  clickMenuItem(ws, { ...ownerSession, caption: 'Refresh dashboard' });
  ws.ui.shown.length = 0;
  ws.ledger.reset();
  return { spreadsheetId: tracker.id, cases: created.length };
}

/** Runs a seed to the end at once (tests and scripts that need the library before they go on). */
export function seedDemoTracker(ws: Workspace, count = 320): SeedResult {
  const steps = seedDemoSteps(ws, count);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a seed, handing the event loop back after every case (one turn of setImmediate) so a server in the
 * same process keeps answering, and reporting each step's progress.
 */
export async function seedDemoTrackerStepwise(
  ws: Workspace,
  count = 320,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<SeedResult> {
  const steps = seedDemoSteps(ws, count);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
