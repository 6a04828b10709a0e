/**
 * The settings schema is the one definition of the Settings tab: Set up tracker's rows come from it, and
 * the settings the owner's runs decide from are exactly those only the owner or an admin may change.
 */
import { REPORT_SETTINGS } from '../../src/core/report/schedule';
import { SETTINGS, settingByKey, settingDefault, settingLabel } from '../../src/core/schema/settings-schema';
import { CALENDAR_SETTINGS } from '../../src/core/sla/calendar';
import { SLA_SETTINGS } from '../../src/core/sla/sla-settings';
import { DEFAULT_SETTINGS } from '../../src/core/tracker/layout';
import { ADMINS_SETTING } from '../../src/core/tracker/privileged-settings';

test('keys and labels are unique, and every setting says what it does', () => {
  expect(new Set(SETTINGS.map((s) => s.key)).size).toBe(SETTINGS.length);
  expect(new Set(SETTINGS.map((s) => s.label.toLowerCase())).size).toBe(SETTINGS.length);
  for (const setting of SETTINGS) expect(setting.help.length).toBeGreaterThan(20);
});

test("Set up tracker's Settings rows are the schema's labels, defaults and help, in its order", () => {
  expect(DEFAULT_SETTINGS).toEqual(SETTINGS.map((s) => [s.label, s.default, s.help]));
  expect(settingLabel('teamLead')).toBe(settingByKey('teamLead').label);
  expect(settingDefault('dueSoonPercent')).toBe('75');
  expect(() => settingByKey('nothing' as never)).toThrow('unknown setting nothing');
});

test('the settings the owner runs decide from are the owner-or-admin ones; the rest grant nothing', () => {
  const privileged = [
    ...Object.values(REPORT_SETTINGS),
    ...Object.values(SLA_SETTINGS),
    ...Object.values(CALENDAR_SETTINGS),
    ADMINS_SETTING,
    // Decides when a reviewer's claim lapses and the case returns to the queue.
    settingLabel('claimExpiryHours'),
    // Decides which cases the owner's run moves out of the tracker.
    settingLabel('archiveAfterDays'),
  ].sort();
  const ownerOrAdmin = SETTINGS.filter((s) => s.changedBy === 'ownerOrAdmin').map((s) => s.label);
  expect(privileged).toEqual([...ownerOrAdmin].sort());
  expect(SETTINGS.filter((s) => s.changedBy === 'anyone').map((s) => s.key)).toEqual([
    'dateOrder',
    'duplicateWindowDays',
  ]);
});
