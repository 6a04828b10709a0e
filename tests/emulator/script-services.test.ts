/**
 * Properties, Cache, Lock, ScriptApp, Utilities and Logger as Google documents them.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties-service ,
 * https://developers.google.com/apps-script/reference/cache/cache , .../lock/lock ,
 * .../script/script-app , .../utilities/utilities , .../base/logger
 */
import { FAULTS } from '../../emulator/runtime/faults';
import { EDITOR, OWNER, servicesFor, workspace } from './support';

function open(user = OWNER) {
  const { ws, spreadsheetId } = workspace();
  return { ws, spreadsheetId, ...servicesFor(ws, { user, activeSpreadsheetId: spreadsheetId }) };
}

describe('PropertiesService', () => {
  test('script, document and user stores are separate; values are strings; missing keys are null', () => {
    const { ws, spreadsheetId, PropertiesService } = open();
    PropertiesService.getScriptProperties().setProperty('schema', '1');
    PropertiesService.getDocumentProperties().setProperties({
      trackerId: spreadsheetId,
      lastRun: 5 as unknown as string,
    });
    PropertiesService.getUserProperties().setProperty('market', 'DE');
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({
      trackerId: spreadsheetId,
      lastRun: '5',
    });
    expect(PropertiesService.getScriptProperties().getProperty('market')).toBeNull();
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    expect(editor.PropertiesService.getUserProperties().getProperty('market')).toBeNull();
    expect(editor.PropertiesService.getDocumentProperties().getProperty('trackerId')).toBe(spreadsheetId);
  });

  test('getDocumentProperties is null without a document', () => {
    const { ws } = open();
    expect(
      servicesFor(ws, { activeSpreadsheetId: null }).PropertiesService.getDocumentProperties(),
    ).toBeNull();
  });

  test('9 KB per value and 500 KB per store are enforced, and a refused batch writes nothing', () => {
    const { PropertiesService } = open();
    const store = PropertiesService.getScriptProperties();
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    const chunk = 'x'.repeat(9000);
    const batch = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, chunk]));
    expect(() => store.setProperties(batch)).toThrow('You have exceeded the property storage quota');
    expect(store.getKeys()).toEqual([]);
  });
});

describe('CacheService', () => {
  test('entries expire on the workspace clock (default 10 minutes, at most 6 hours)', () => {
    const { ws, CacheService } = open();
    const cache = CacheService.getScriptCache();
    cache.put('lists', 'v1');
    cache.put('long', 'v2', 999_999);
    ws.clock.advance(599_000);
    expect(cache.get('lists')).toBe('v1');
    ws.clock.advance(2_000);
    expect(cache.get('lists')).toBeNull();
    ws.clock.advance(6 * 3_600_000);
    expect(cache.get('long')).toBeNull();
  });

  test('keys over 250 characters and values over 100 KB are refused; getAll skips misses', () => {
    const { CacheService } = open();
    const cache = CacheService.getUserCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
  });
});

describe('LockService', () => {
  test('a second execution cannot take a held document lock: tryLock false, waitLock throws, after the timeout', () => {
    const { ws, spreadsheetId, LockService, exec } = open();
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    const other = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const before = ws.clock.now();
    expect(other.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(ws.clock.now() - before).toBe(5000);
    expect(() => other.LockService.getDocumentLock().waitLock(100)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    lock.releaseLock();
    expect(other.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(exec.isEnded).toBe(false);
  });

  test('a lock is released when its execution ends', () => {
    const { ws, spreadsheetId, LockService, exec } = open();
    LockService.getScriptLock().waitLock(10);
    exec.end();
    const other = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    expect(other.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  test('getDocumentLock is null outside a document; user locks are per user', () => {
    const { ws, LockService } = open();
    expect(servicesFor(ws, { activeSpreadsheetId: null }).LockService.getDocumentLock()).toBeNull();
    LockService.getUserLock().waitLock(10);
    expect(servicesFor(ws, { user: EDITOR }).LockService.getUserLock().tryLock(0)).toBe(true);
  });

  test('a planted lock timeout fails the Nth waitLock', () => {
    const { ws, LockService } = open();
    ws.faults.failOn('Lock.waitLock', 1, FAULTS.lockTimeout());
    expect(() => LockService.getScriptLock().waitLock(10)).toThrow('Lock timeout');
  });
});

describe('ScriptApp', () => {
  test('installable triggers are created, listed for their owner and deleted', () => {
    const { ws, ScriptApp, SpreadsheetApp } = open();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ScriptApp.newTrigger('dispatchHourly').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(ss).onEdit().create();
    const mine = ScriptApp.getUserTriggers(ss);
    expect(mine.map((t) => [t.getHandlerFunction(), t.getEventType()])).toEqual([
      ['dispatchHourly', ScriptApp.EventType.CLOCK],
      ['onTrackerEdit', ScriptApp.EventType.ON_EDIT],
    ]);
    expect(mine[1]!.getTriggerSourceId()).toBe(ss.getId());
    expect(servicesFor(ws, { user: EDITOR }).ScriptApp.getProjectTriggers()).toEqual([]);
    ScriptApp.deleteTrigger(mine[0]!);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  test('an add-on gets one trigger of each type per user per document, and nothing more often than hourly', () => {
    const { ScriptApp } = open();
    ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('b').timeBased().everyHours(1).create()).toThrow(
      'one trigger of each event type',
    );
    expect(() => ScriptApp.newTrigger('c').timeBased().everyMinutes(5)).toThrow(
      'more frequently than once per hour',
    );
  });

  test('time-driven triggers belong to the document the add-on was used in: one per document, listed there', () => {
    const { ws, ScriptApp, SpreadsheetApp } = open();
    const first = SpreadsheetApp.getActiveSpreadsheet();
    ScriptApp.newTrigger('dispatchHourly').timeBased().everyHours(1).create();
    const second = ws.createSpreadsheet({ name: 'Other tracker', owner: OWNER });
    const inSecond = servicesFor(ws, { activeSpreadsheetId: second.id });
    inSecond.ScriptApp.newTrigger('dispatchHourly').timeBased().everyHours(1).create();
    expect(ws.triggers.map((t) => t.documentId)).toEqual([first.getId(), second.id]);
    expect(ScriptApp.getUserTriggers(first).map((t) => t.getUniqueId())).toEqual([ws.triggers[0]!.uid]);
    expect(() => inSecond.ScriptApp.newTrigger('again').timeBased().everyHours(1).create()).toThrow(
      'one trigger of each event type',
    );
  });

  test('an hourly trigger is due an hour later; atHour uses the script time zone', () => {
    const { ws, ScriptApp } = open();
    ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    expect(ws.triggers[0]!.nextRunMs).toBe(ws.clock.now() + 3_600_000);
    const other = servicesFor(ws, { user: EDITOR });
    other.ScriptApp.newTrigger('weekly')
      .timeBased()
      .onWeekDay(other.ScriptApp.WeekDay.MONDAY)
      .atHour(7)
      .create();
    // 2026-11-23 09:00Z is a Monday; the next Monday 07:00 in Europe/Dublin is 2026-11-30T07:00Z.
    expect(new Date(ws.triggers[1]!.nextRunMs!).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  test('20 triggers per user per script', () => {
    const { ws, ScriptApp } = open();
    for (let i = 0; i < 20; i++) {
      const id = ws.createSpreadsheet({ name: `T${i}`, owner: OWNER }).id;
      ScriptApp.newTrigger('h').forSpreadsheet(id).onEdit().create();
    }
    const extra = ws.createSpreadsheet({ name: 'extra', owner: OWNER }).id;
    expect(() => ScriptApp.newTrigger('h').forSpreadsheet(extra).onEdit().create()).toThrow(
      'too many triggers',
    );
  });

  test('authorization info reports REQUIRED for a user who has not granted the scopes', () => {
    const { ws, ScriptApp } = open();
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(
      ScriptApp.AuthorizationStatus.NOT_REQUIRED,
    );
    ws.addUser('new@governance.example', 'New', false);
    const fresh = servicesFor(ws, { user: 'new@governance.example' });
    expect(fresh.ScriptApp.getAuthorizationInfo(fresh.ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(
      'REQUIRED',
    );
  });
});

describe('Utilities', () => {
  const d = (iso: string) => new Date(iso);

  test('formatDate uses Java pattern letters in the given time zone', () => {
    const { Utilities } = open();
    expect(Utilities.formatDate(d('2026-11-23T14:05:09Z'), 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ss")).toBe(
      '2026-11-23T15:05:09',
    );
    expect(Utilities.formatDate(d('2026-11-23T14:05:09Z'), 'UTC', 'EEE, d MMM yyyy HH:mm:ss Z')).toBe(
      'Mon, 23 Nov 2026 14:05:09 +0000',
    );
    expect(Utilities.formatDate(d('2026-07-01T12:00:00Z'), 'Europe/Dublin', 'HH:mm XXX')).toBe(
      '13:00 +01:00',
    );
    expect(Utilities.formatDate(d('2026-03-29T00:30:00Z'), 'Europe/Dublin', 'HH:mm')).toBe('00:30');
    expect(Utilities.formatDate(d('2026-03-29T01:30:00Z'), 'Europe/Dublin', 'HH:mm')).toBe('02:30');
    expect(Utilities.formatDate(d('2026-11-23T14:05:09Z'), 'UTC', "h:mm a, 'week' w")).toBe(
      '2:05 PM, week 48',
    );
  });

  test("'YYYY' is the week year: wrong on the last days of December (the documented pitfall); 'yyyy' is right", () => {
    const { Utilities } = open();
    const newYearsEve = d('2026-12-31T12:00:00Z');
    expect(Utilities.formatDate(newYearsEve, 'UTC', 'yyyy')).toBe('2026');
    expect(Utilities.formatDate(newYearsEve, 'UTC', 'YYYY')).toBe('2027');
    expect(Utilities.formatDate(d('2026-12-26T12:00:00Z'), 'UTC', 'YYYY')).toBe('2026');
  });

  test('getUuid returns distinct version 4 UUIDs; sleep advances the clock (at most 5 minutes)', () => {
    const { ws, Utilities } = open();
    const a = Utilities.getUuid();
    const b = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    const before = ws.clock.now();
    Utilities.sleep(1500);
    expect(ws.clock.now() - before).toBe(1500);
    expect(() => Utilities.sleep(300_001)).toThrow('Invalid argument');
  });

  test('parseCsv follows RFC 4180 quoting; base64 decodes to signed bytes', () => {
    const { Utilities } = open();
    expect(Utilities.parseCsv('id,summary\nCB-1,"Sold ""replica"", banned"\n')).toEqual([
      ['id', 'summary'],
      ['CB-1', 'Sold "replica", banned'],
    ]);
    expect(Utilities.base64Decode(Utilities.base64Encode('é'))).toEqual([-61, -87]);
    expect(Utilities.formatString('%s has %d cases', 'DE', 4.7)).toBe('DE has 4 cases');
  });
});

describe('Logger', () => {
  test('log lines go to the workspace log, with %s placeholders', () => {
    const { ws, Logger } = open();
    Logger.log('Swept %s cases', 12);
    expect(ws.logs).toContainEqual({ level: 'info', message: 'Swept 12 cases' });
    expect(Logger.getLog()).toBe('Swept 12 cases');
  });
});
