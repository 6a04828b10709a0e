/**
 * The normaliser against what people actually type into trackers: a table of real-world inputs and the
 * canonical value (or the refusal) each must give.
 */
import { normaliseChoice } from '../../src/core/normalise/choice';
import { normaliseDate } from '../../src/core/normalise/date';
import { normaliseLinks, normaliseSellerId } from '../../src/core/normalise/identifiers';
import { normaliseMarket } from '../../src/core/normalise/market';
import { cleanMultiline, cleanText } from '../../src/core/normalise/text';
import { FIXED_LISTS } from '../../src/core/schema/case-schema';
import { DEFAULT_ACTIONS, DEFAULT_POLICIES, DEFAULT_SYNONYMS } from '../../src/core/taxonomy/defaults';

type Expectation = string | { value: string; confidence: string } | RegExp;

function check(
  result: { ok: true; value: unknown; confidence: string } | { ok: false; reason: string },
  expected: Expectation,
) {
  if (expected instanceof RegExp) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(expected);
  } else if (typeof expected === 'string') {
    expect(result).toMatchObject({ ok: true, value: expected });
  } else {
    expect(result).toEqual({ ok: true, ...expected });
  }
}

const MARKETS: [unknown, Expectation][] = [
  ['DE', { value: 'DE', confidence: 'exact' }],
  ['de', 'DE'],
  [' de ', 'DE'],
  ['Deutschland', { value: 'DE', confidence: 'synonym' }],
  ['germany ', 'DE'],
  ['GERMANY', 'DE'],
  ['DEU', 'DE'],
  ['Allemagne', 'DE'],
  ['Alemania', 'DE'],
  ['Niemcy', 'DE'],
  ['Deutchland', { value: 'DE', confidence: 'fuzzy' }],
  ['U.K.', 'GB'],
  ['UK', 'GB'],
  ['uk', 'GB'],
  ['United Kingdom', 'GB'],
  ['Great Britain', 'GB'],
  ['Royaume-Uni', 'GB'],
  ['GBR', 'GB'],
  ['España', 'ES'],
  ['Espana', 'ES'],
  ['spain', 'ES'],
  ['Spanien', 'ES'],
  ['ESP', 'ES'],
  ['France', 'FR'],
  ['frankreich', 'FR'],
  ['Italia', 'IT'],
  ['Italien', 'IT'],
  ['Włochy', 'IT'],
  ['Nederland', 'NL'],
  ['The Netherlands', 'NL'],
  ['Holland', 'NL'],
  ['Pays-Bas', 'NL'],
  ['Polska', 'PL'],
  ['Österreich', 'AT'],
  ['Oesterreich', 'AT'],
  ['Ελλάδα', 'GR'],
  ['EL', 'GR'],
  ['Greece', 'GR'],
  ['Éire', 'IE'],
  ['Ireland', 'IE'],
  ['Czech Republic', 'CZ'],
  ['Česko', 'CZ'],
  ['Sverige', 'SE'],
  ['Norge', 'NO'],
  ['Ísland', 'IS'],
  ['Liechtenstein', 'LI'],
  ['Magyarország', 'HU'],
  ['România', 'RO'],
  ['Portugal', 'PT'],
  ['Belgique', 'BE'],
  ['Luxemburg', 'LU'],
  ['\u200BDE\u200B', 'DE'],
  ['USA', /not a known market.*EU\/EEA country code/],
  ['Switzerland', /not a known market/],
  ['', /No market given/],
  [null, /No market given/],
];

const DATES: [unknown, Expectation][] = [
  ['2026-11-03', { value: '2026-11-03', confidence: 'exact' }],
  ['2026-11-03T14:30:00Z', '2026-11-03'],
  ['2026-11-03 14:30', '2026-11-03'],
  ['2026/11/03', '2026-11-03'],
  ['2026-2-3', '2026-02-03'],
  ['03/11/2026', '2026-11-03'],
  ['3/11/2026', '2026-11-03'],
  ['03.11.2026', '2026-11-03'],
  ['3.11.2026', '2026-11-03'],
  ['03-11-2026', '2026-11-03'],
  ['25/12/2026', '2026-12-25'],
  ['25.12.2026 09:15', '2026-12-25'],
  ['03/11/26', { value: '2026-11-03', confidence: 'inferred' }],
  ['12/23/2026', /does not fit this tracker's day-first order.*23 December 2026/],
  ['31/02/2026', /not a valid date/],
  ['3 Nov 2026', '2026-11-03'],
  ['3 November 2026', '2026-11-03'],
  ['November 3, 2026', '2026-11-03'],
  ['Nov 3 2026', '2026-11-03'],
  ['November 3rd, 2026', '2026-11-03'],
  ['3rd November 2026', '2026-11-03'],
  ['3. November 2026', '2026-11-03'],
  ['3. März 2026', '2026-03-03'],
  ['1 Mai 2026', '2026-05-01'],
  ['3 novembre 2026', '2026-11-03'],
  ['1er décembre 2026', '2026-12-01'],
  ['3 de noviembre de 2026', '2026-11-03'],
  ['15 agosto 2026', '2026-08-15'],
  ['3 listopad 2026', '2026-11-03'],
  ['3 okt 2026', '2026-10-03'],
  ['3 sept. 2026', '2026-09-03'],
  [46329, { value: '2026-11-03', confidence: 'inferred' }],
  ['46329', '2026-11-03'],
  [new Date(Date.UTC(2026, 10, 3)), { value: '2026-11-03', confidence: 'exact' }],
  [new Date(Number.NaN), /Invalid date/],
  [7, /not a date/],
  ['next Tuesday', /not a date Casebook can read/],
  ['2026-13-01', /not a valid date/],
  ['', /No date given/],
  ['\u00A03 Nov 2026\u00A0', '2026-11-03'],
];

const ACTION_LIST = {
  label: 'enforcement action',
  canonical: DEFAULT_ACTIONS.map((a) => a.name),
  synonyms: DEFAULT_SYNONYMS.action,
};
const ACTIONS: [unknown, Expectation][] = [
  ['Account suspended', { value: 'Account suspended', confidence: 'exact' }],
  ['account suspended', 'Account suspended'],
  ['ACCOUNT  SUSPENDED', 'Account suspended'],
  ['susp.', { value: 'Account suspended', confidence: 'synonym' }],
  ['Suspended', 'Account suspended'],
  ['account suspension', 'Account suspended'],
  ['acct susp', 'Account suspended'],
  ['LIVE ban', 'LIVE feature restricted'],
  ['live-ban', 'LIVE feature restricted'],
  ['Live restriction', 'LIVE feature restricted'],
  ['ban', 'Account terminated'],
  ['permanent ban', 'Account terminated'],
  ['LIVE interrupted', 'LIVE interrupted'],
  ['live cut', 'LIVE interrupted'],
  ['stream cut', 'LIVE interrupted'],
  ['interruption', 'LIVE interrupted'],
  ['product takedown', 'Product removed'],
  ['listing removed', 'Product removed'],
  ['Product removed', 'Product removed'],
  ['product remove', { value: 'Product removed', confidence: 'fuzzy' }],
  ['shadow ban', 'Traffic restricted'],
  ['traffic limit', 'Traffic restricted'],
  ['Traffic restricted', 'Traffic restricted'],
  ['payout hold', 'Payouts suspended'],
  ['funds frozen', 'Payouts suspended'],
  ['shop suspended', 'Selling suspended'],
  ['Account termintated', { value: 'Account terminated', confidence: 'fuzzy' }],
  ['warning label', 'Warning label'],
  ['comments restricted', 'Comments restricted'],
  ['fine', /not a known enforcement action/],
  ['', /No enforcement action given/],
];

const POLICY_LIST = {
  label: 'policy',
  canonical: DEFAULT_POLICIES.map((p) => p.name),
  synonyms: DEFAULT_SYNONYMS.policy,
};
const POLICIES: [unknown, Expectation][] = [
  ['Counterfeit goods', 'Counterfeit goods'],
  ['counterfeit', 'Counterfeit goods'],
  ['Fake', 'Counterfeit goods'],
  ['replica', 'Counterfeit goods'],
  ['IP', 'Counterfeit goods'],
  ['off platform', 'Off-platform transactions'],
  ['Off-Platform', 'Off-platform transactions'],
  ['off-platform transactions', 'Off-platform transactions'],
  ['bots', 'Fake engagement'],
  ['fake viewers', 'Fake engagement'],
  ['gambling', 'Gambling and lotteries'],
  ['raffle', 'Gambling and lotteries'],
  ['misleading pricing', 'Misleading pricing'],
  ['fake discount', 'Misleading pricing'],
  ['hate', 'Hate and harassment on stream'],
  ['minors', 'Minor safety'],
  ['vapes', 'Prohibited products'],
  ['Prohibted products', { value: 'Prohibited products', confidence: 'fuzzy' }],
  ['spam', /not a known policy/],
];

const DETECTION_LIST = {
  label: 'detection source',
  canonical: FIXED_LISTS.detectionSources,
  synonyms: DEFAULT_SYNONYMS.detectionSource,
};
const SOURCES: [unknown, Expectation][] = [
  ['auto', 'Automated'],
  ['Automatic', 'Automated'],
  ['classifier', 'Automated'],
  ['manual', 'Human review'],
  ['Human Review', 'Human review'],
  ['moderator', 'Human review'],
  ['user report', 'User report'],
  ['complaint', 'User report'],
  ['TF', 'Trusted flagger'],
  ['trusted-flagger', 'Trusted flagger'],
];

const STATUS_LIST = { label: 'status', canonical: FIXED_LISTS.statuses, synonyms: DEFAULT_SYNONYMS.status };
const STATUSES: [unknown, Expectation][] = [
  ['open', 'Triaged'],
  ['In Progress', 'Triaged'],
  ['in-progress', 'Triaged'],
  ['WIP', 'Triaged'],
  ['esc', 'Escalated'],
  ['Waiting on merchant', 'Awaiting response'],
  ['awaiting-response', 'Awaiting response'],
  ['done', 'Closed'],
  ['resolved', 'Resolved'],
  ['fixed', 'Resolved'],
  ['closed ', 'Closed'],
  ['re-open', 'Reopened'],
];

const SEVERITY_LIST = { label: 'severity', canonical: FIXED_LISTS.severities };
const SEVERITIES: [unknown, Expectation][] = [
  ['P1', 'P1'],
  ['p2', 'P2'],
  [' P3 ', 'P3'],
  ['P5', /not a known severity/],
  ['P 4', 'P4'],
];

const SELLERS: [unknown, Expectation][] = [
  ['SELLER_88123', { value: 'SELLER_88123', confidence: 'exact' }],
  [' SELLER_88123 ', 'SELLER_88123'],
  ['@brightdeals', { value: 'brightdeals', confidence: 'inferred' }],
  ['https://shop.example.eu/seller/S-88123', 'S-88123'],
  ['https://shop.example.eu/store/abc_123/products?page=2', 'abc_123'],
  ['https://shop.example.eu/live?seller_id=S99881&ref=x', 'S99881'],
  ['https://shop.example.eu/@glowbeauty', 'glowbeauty'],
  ['S 88123', { value: 'S88123', confidence: 'inferred' }],
  ['88123', '88123'],
  ['ab', /not a seller ID/],
  ['seller#1', /not a seller ID/],
  ['https://shop.example.eu/help', /No seller ID found in the link/],
  ['', /No seller ID given/],
];

describe.each([
  ['market', MARKETS, (v: unknown) => normaliseMarket(v)],
  ['date (day-first tracker)', DATES, (v: unknown) => normaliseDate(v, 'DMY')],
  ['enforcement action', ACTIONS, (v: unknown) => normaliseChoice(v, ACTION_LIST)],
  ['policy', POLICIES, (v: unknown) => normaliseChoice(v, POLICY_LIST)],
  ['detection source', SOURCES, (v: unknown) => normaliseChoice(v, DETECTION_LIST)],
  ['status', STATUSES, (v: unknown) => normaliseChoice(v, STATUS_LIST)],
  ['severity', SEVERITIES, (v: unknown) => normaliseChoice(v, SEVERITY_LIST)],
  ['seller ID', SELLERS, (v: unknown) => normaliseSellerId(v)],
] as const)('%s', (_name, table, normalise) => {
  test.each(table as unknown as [unknown, Expectation][])('%p', (input, expected) => {
    check(normalise(input) as Parameters<typeof check>[0], expected);
  });
});

test('a date cell is read as a day in the spreadsheet time zone, not in UTC', () => {
  // Sheets stores 20 Oct 2026 in Berlin as local midnight, 22:00 UTC the day before.
  const berlinMidnight = new Date(Date.UTC(2026, 9, 19, 22));
  check(normaliseDate(berlinMidnight, 'DMY', 'Europe/Berlin'), '2026-10-20');
  check(normaliseDate(berlinMidnight, 'DMY', 'UTC'), '2026-10-19');
});

describe('dates whose order the tracker does not fix are flagged, not guessed', () => {
  test('03/11/2026 without a configured order names both readings', () => {
    check(normaliseDate('03/11/2026', null), /ambiguous: 3 November 2026 or 11 March 2026\?/);
  });
  test('a month-first tracker reads 03/11/2026 as 11 March', () => {
    check(normaliseDate('03/11/2026', 'MDY'), '2026-03-11');
  });
  test('13/11/2026 is unambiguous whatever the order', () => {
    check(normaliseDate('13/11/2026', null), '2026-11-13');
  });
});

describe('text clean-up', () => {
  test.each([
    ['  Sold\u00A0fake  sneakers ', 'Sold fake sneakers'],
    ['zero\u200Bwidth\u200D joiners\uFEFF', 'zerowidth joiners'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['bidi \u202Eoverride\u202C marks', 'bidi override marks'],
    ['Cafe\u0301', 'Café'],
    ['tabs\tand\nnewlines', 'tabs and newlines'],
  ])('%p -> %p', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  test('multi-line text keeps its paragraphs', () => {
    expect(cleanMultiline('Line one  \r\n\r\n\r\n\r\n  Line\u200B two ')).toBe('Line one\n\nLine two');
  });

  test('evidence links: several per cell, deduplicated; anything not http(s) refused', () => {
    expect(normaliseLinks('https://a.example/x, https://b.example/y\nhttps://a.example/x')).toEqual({
      ok: true,
      value: ['https://a.example/x', 'https://b.example/y'],
      confidence: 'exact',
    });
    check(normaliseLinks('javascript:alert(1)') as never, /not an http\(s\) link/);
    expect(normaliseLinks('')).toEqual({ ok: true, value: [], confidence: 'exact' });
  });
});

test('the table holds at least 150 real-world inputs', () => {
  const total = [MARKETS, DATES, ACTIONS, POLICIES, SOURCES, STATUSES, SEVERITIES, SELLERS].reduce(
    (n, t) => n + t.length,
    0,
  );
  expect(total).toBeGreaterThanOrEqual(150);
});
