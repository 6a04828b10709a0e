/**
 * ScriptApp: auth modes, authorization info, and installable triggers with the limits that apply to an
 * editor add-on (Casebook is one): at most one trigger of each event type per user per document, time-driven
 * triggers no more often than hourly, 20 triggers per user per script.
 * Docs: https://developers.google.com/apps-script/reference/script/script-app ,
 * https://developers.google.com/apps-script/guides/triggers/installable ,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions ,
 * https://developers.google.com/apps-script/guides/services/quotas ("Triggers: 20 / user / script").
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, internalOf } from '../runtime/instrument';
import { zonedParts, zonedTimeToUtc } from '../runtime/time-zone';
import type { TriggerRecord, Workspace } from '../workspace';

export const MAX_TRIGGERS_PER_USER = 20;
const HOUR_MS = 3_600_000;

const enumOf = <T extends string>(...names: T[]) =>
  Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
const AuthMode = enumOf('NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL');
const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

type Trigger = GoogleAppsScript.Script.Trigger;

class EmulatedTrigger
  implements
    Pick<
      Trigger,
      'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
    >
{
  constructor(readonly record: TriggerRecord) {}

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.triggerSource as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.record.triggerSourceId as string;
  }

  getUniqueId(): string {
    return this.record.uid;
  }
}

function wrapTrigger(exec: Execution, record: TriggerRecord): Trigger {
  return emulate(new EmulatedTrigger(record), 'Trigger', exec) as unknown as Trigger;
}

/** Adds a trigger after the add-on and quota checks. */
function install(exec: Execution, record: Omit<TriggerRecord, 'uid' | 'owner'>): Trigger {
  const ws = exec.workspace;
  const owner = exec.effectiveUser.email;
  const mine = ws.triggers.filter((t) => t.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw new ScriptException(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  // Docs (editor add-on restrictions): "Each add-on can only have one trigger of each type, per user, per document."
  const sameKind = mine.some((t) => t.eventType === record.eventType && t.documentId === record.documentId);
  if (sameKind) {
    throw new ScriptException(
      `Add-ons may only create one trigger of each event type (${record.eventType}) per user per document.`,
    );
  }
  const full: TriggerRecord = { ...record, uid: ws.newId('trg_'), owner };
  ws.triggers.push(full);
  return wrapTrigger(exec, full);
}

/** The next time an atHour (optionally onWeekDay) trigger runs, in its time zone. */
function nextAt(now: number, hour: number, weekDay: string | null, timeZone: string): number {
  const days = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
  for (let add = 0; add <= 8; add++) {
    const p = zonedParts(now + add * 86_400_000, timeZone);
    const at = zonedTimeToUtc([p.year, p.month, p.day, hour, 0, 0], timeZone);
    if (at > now && (weekDay === null || days.indexOf(weekDay) === p.weekday % 7)) return at;
  }
  throw new Error('no next run found');
}

class EmulatedClockTriggerBuilder {
  private everyMs: number | null = null;
  private atMs: number | null = null;
  private atHourValue: number | null = null;
  private weekDay: string | null = null;
  private timeZone: string | null = null;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  /** Docs (editor add-on restrictions): "Time-driven triggers cannot run more frequently than once per hour." */
  everyMinutes(_n: number): this {
    throw new ScriptException(
      'Add-ons cannot create time-based triggers that run more frequently than once per hour.',
    );
  }

  everyHours(n: number): this {
    if (!Number.isInteger(n) || ![1, 2, 4, 6, 8, 12].includes(n))
      throw new ScriptException('Invalid argument: n');
    this.everyMs = n * HOUR_MS;
    return this;
  }

  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new ScriptException('Invalid argument: n');
    this.everyMs = n * 24 * HOUR_MS;
    return this;
  }

  everyWeeks(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new ScriptException('Invalid argument: n');
    this.everyMs = n * 7 * 24 * HOUR_MS;
    return this;
  }

  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ScriptException('Invalid argument: hour');
    this.atHourValue = hour;
    return this;
  }

  nearMinute(_minute: number): this {
    return this;
  }

  onWeekDay(day: string): this {
    if (!Object.hasOwn(WeekDay, String(day))) throw new ScriptException('Invalid argument: day');
    this.weekDay = String(day);
    this.everyMs ??= 7 * 24 * HOUR_MS;
    return this;
  }

  inTimezone(timezone: string): this {
    this.timeZone = String(timezone);
    return this;
  }

  at(date: Date): this {
    this.atMs = new Date(date).getTime();
    return this;
  }

  after(durationMilliseconds: number): this {
    this.atMs = this.exec.workspace.clock.now() + Number(durationMilliseconds);
    return this;
  }

  /** The first run: a one-off time, the next atHour, or one interval from now (Apps Script picks a random minute; this stays deterministic). */
  create(): Trigger {
    const now = this.exec.workspace.clock.now();
    const tz = this.timeZone ?? this.exec.workspace.scriptTimeZone;
    if (this.atMs === null && this.everyMs === null)
      throw new ScriptException('A time-based trigger needs a schedule.');
    const nextRunMs =
      this.atMs ??
      (this.atHourValue !== null
        ? nextAt(now, this.atHourValue, this.weekDay, tz)
        : now + (this.everyMs ?? 0));
    return install(this.exec, {
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      documentId: this.exec.activeSpreadsheetId,
      clock: {
        everyMs: this.everyMs,
        atMs: this.atMs,
        atHour: this.atHourValue,
        onWeekDay: this.weekDay,
        timeZone: this.timeZone,
      },
      nextRunMs,
    });
  }
}

class EmulatedSpreadsheetTriggerBuilder {
  private eventType: string | null = null;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.eventType)
      throw new ScriptException(
        'A spreadsheet trigger needs an event (onOpen, onEdit, onChange or onFormSubmit).',
      );
    return install(this.exec, {
      handlerFunction: this.handler,
      eventType: this.eventType,
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: this.spreadsheetId,
      documentId: this.spreadsheetId,
      clock: null,
      nextRunMs: null,
    });
  }
}

class EmulatedTriggerBuilder {
  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return emulate(
      new EmulatedClockTriggerBuilder(this.exec, this.handler),
      'ClockTriggerBuilder',
      this.exec,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : internalOf<{ ss: { id: string } }>(sheet).ss.id;
    this.exec.workspace.getSpreadsheet(id);
    return emulate(
      new EmulatedSpreadsheetTriggerBuilder(this.exec, this.handler, id),
      'SpreadsheetTriggerBuilder',
      this.exec,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

type ScriptAppMembers =
  | 'getAuthorizationInfo'
  | 'newTrigger'
  | 'getUserTriggers'
  | 'getProjectTriggers'
  | 'deleteTrigger'
  | 'getScriptId';

class EmulatedScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMembers> {
  readonly AuthMode = AuthMode as unknown as GoogleAppsScript.Script.ScriptApp['AuthMode'];
  readonly AuthorizationStatus =
    AuthorizationStatus as unknown as GoogleAppsScript.Script.ScriptApp['AuthorizationStatus'];
  readonly EventType = EventType as unknown as GoogleAppsScript.Script.ScriptApp['EventType'];
  readonly TriggerSource = TriggerSource as unknown as GoogleAppsScript.Script.ScriptApp['TriggerSource'];
  readonly WeekDay = WeekDay as unknown as GoogleAppsScript.Script.ScriptApp['WeekDay'];

  constructor(private readonly exec: Execution) {}

  /**
   * REQUIRED while the user has not granted the add-on's scopes (e.g. after an update added one). The user is
   * the one whose authority the script runs with: in an installable trigger, the trigger's owner, so a
   * trigger can check before it reaches a call that would fail (see assertAuthorized in runtime/auth.ts).
   */
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const required = !this.exec.effectiveUser.authorized;
    const info = {
      getAuthorizationStatus: () =>
        (required ? 'REQUIRED' : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () =>
        (required
          ? `https://script.google.com/macros/d/${this.exec.workspace.scriptId}/authorize`
          : null) as string,
    };
    return emulate(
      info,
      'AuthorizationInfo',
      this.exec,
    ) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(functionName)) {
      throw new ScriptException('Invalid argument: functionName');
    }
    return emulate(
      new EmulatedTriggerBuilder(this.exec, functionName),
      'TriggerBuilder',
      this.exec,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /** Docs: "Gets all installable triggers owned by this user in the given document, for this script or add-on only." */
  getUserTriggers(
    document:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Document.Document
      | GoogleAppsScript.Forms.Form,
  ): Trigger[] {
    const id = internalOf<{ ss: { id: string } }>(document).ss.id;
    return this.exec.workspace.triggers
      .filter((t) => t.owner === this.exec.effectiveUser.email && t.documentId === id)
      .map((t) => wrapTrigger(this.exec, t));
  }

  getProjectTriggers(): Trigger[] {
    return this.exec.workspace.triggers
      .filter((t) => t.owner === this.exec.effectiveUser.email)
      .map((t) => wrapTrigger(this.exec, t));
  }

  deleteTrigger(trigger: Trigger): void {
    const uid = trigger.getUniqueId();
    const ws = this.exec.workspace;
    const index = ws.triggers.findIndex((t) => t.uid === uid && t.owner === this.exec.effectiveUser.email);
    if (index < 0) throw new ScriptException('Trigger not found or not owned by this user.');
    ws.triggers.splice(index, 1);
  }

  getScriptId(): string {
    return this.exec.workspace.scriptId;
  }
}

export function createScriptApp(exec: Execution): GoogleAppsScript.Script.ScriptApp {
  return emulate(
    new EmulatedScriptApp(exec),
    'ScriptApp',
    exec,
  ) as unknown as GoogleAppsScript.Script.ScriptApp;
}

/** Time-driven triggers due at the workspace's current time, earliest first. */
export function dueTimeTriggers(ws: Workspace): TriggerRecord[] {
  const now = ws.clock.now();
  return ws.triggers
    .filter((t) => t.eventType === 'CLOCK' && t.nextRunMs !== null && t.nextRunMs <= now)
    .sort((a, b) => (a.nextRunMs ?? 0) - (b.nextRunMs ?? 0));
}

/** After a run: one-off triggers are removed; repeating ones move to their next slot after now. */
export function markTriggerRan(ws: Workspace, trigger: TriggerRecord): void {
  const every = trigger.clock?.everyMs ?? null;
  if (!every) {
    const index = ws.triggers.indexOf(trigger);
    if (index >= 0) ws.triggers.splice(index, 1);
    return;
  }
  let next = trigger.nextRunMs ?? ws.clock.now();
  while (next <= ws.clock.now()) next += every;
  trigger.nextRunMs = next;
}
