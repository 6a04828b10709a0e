/**
 * The emulated Google Workspace: users, spreadsheets, documents, Drive, script state (properties, caches,
 * locks, triggers), the UI log, the clock, the call ledger and fault hooks. Pure state: the Apps Script
 * services in ./services read and write it through an Execution (who acts, in which auth mode).
 */
import { Clock } from './runtime/clock';
import { FaultPlan } from './runtime/faults';
import { CallLedger } from './runtime/ledger';
import { newSpreadsheetModel, type SpreadsheetModel } from './services/spreadsheet/model';
import { StandInRegistry } from './stand-ins/registry';

export interface UserRecord {
  email: string;
  name: string;
  /** False until the user has granted the add-on's scopes (ScriptApp.getAuthorizationInfo reports REQUIRED). */
  authorized: boolean;
  /** Mail recipients a day: 1,500 for a Workspace account (the default), 100 for a consumer account. */
  mailRecipientsPerDay?: number;
  /** URL Fetch calls a day: 100,000 for a Workspace account (the default), 20,000 for a consumer account. */
  urlFetchCallsPerDay?: number;
}

export interface MenuItemRecord {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemRecord[];
}

export interface MenuRecord {
  /** "addon" for createAddonMenu (shown under Extensions > add-on name), "custom" for createMenu. */
  kind: 'addon' | 'custom';
  caption: string;
  items: MenuItemRecord[];
}

export interface ShownHtmlRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  user: string;
  documentId: string | null;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: { button: string; text: string };
  user: string;
}

/** Answer a test scripts for the next alert/prompt: the button pressed and, for prompts, the text typed. */
export interface ScriptedAnswer {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

export interface UiState {
  /** Menus as last built by each user's onOpen, keyed `${documentId}|${email}`. */
  menus: Map<string, MenuRecord[]>;
  shown: ShownHtmlRecord[];
  dialogs: DialogRecord[];
  scriptedAnswers: ScriptedAnswer[];
  /** Spreadsheet.toast messages, newest last. */
  toasts: { documentId: string; user: string; title: string; message: string }[];
}

export interface TriggerRecord {
  uid: string;
  handlerFunction: string;
  /** ScriptApp.EventType name: CLOCK, ON_OPEN, ON_EDIT, ON_CHANGE, ON_FORM_SUBMIT. */
  eventType: string;
  /** ScriptApp.TriggerSource name: CLOCK, SPREADSHEETS, DOCUMENTS. */
  triggerSource: string;
  triggerSourceId: string | null;
  /**
   * The document the add-on was used in when the trigger was made. An editor add-on's triggers, time-driven
   * ones included, belong to a document: one of each type per user per document.
   */
  documentId: string | null;
  owner: string;
  /** For CLOCK triggers: repeat interval in ms (hourly = 3,600,000) or a one-off time. */
  clock: {
    everyMs: number | null;
    atMs: number | null;
    atHour: number | null;
    onWeekDay: string | null;
    timeZone: string | null;
  } | null;
  /** When a time-driven trigger is next due (ms since epoch). */
  nextRunMs: number | null;
}

export interface CacheEntry {
  value: string;
  expiresAtMs: number;
}

export interface LockState {
  holder: object | null;
}

/**
 * Character attributes of a run of text (services/document.ts). null means "not set": the text shows the
 * paragraph style's default, and Apps Script's getters return null for it.
 */
export interface TextStyle {
  bold: boolean | null;
  italic: boolean | null;
  linkUrl: string | null;
  /** CSS hex notation, "#rrggbb" or "#rgb". */
  foregroundColor: string | null;
  /** Points. */
  fontSize: number | null;
}

/** A stretch of text whose characters share one TextStyle. Every text holds at least one run (maybe ''). */
export interface TextRun extends TextStyle {
  text: string;
}

/** An image inside a paragraph: its bytes (base64 of the unsigned bytes), type and size in pixels. */
export interface InlineImageModel {
  kind: 'image';
  data: string;
  contentType: string;
  width: number;
  height: number;
  altTitle: string | null;
  altDescription: string | null;
}

export interface HorizontalRuleModel {
  kind: 'horizontalRule';
}

export interface ParagraphModel {
  kind: 'paragraph';
  runs: TextRun[];
  /** DocumentApp.ParagraphHeading name. */
  heading: string;
  /** DocumentApp.HorizontalAlignment name, or null when not set (left to right text: left). */
  alignment: string | null;
  /** An image or rule after the text: Body.appendImage and appendHorizontalRule put one in a new paragraph. */
  inline: InlineImageModel | HorizontalRuleModel | null;
  /** IDs of bookmarks at the start of this paragraph (Document.addBookmark). */
  bookmarks?: string[];
}

export interface ListItemModel {
  kind: 'listItem';
  runs: TextRun[];
  heading: string;
  alignment: string | null;
  /** DocumentApp.GlyphType name. */
  glyphType: string;
  /** 0 for a top-level item. */
  nestingLevel: number;
  /** Items with the same list ID are one list and are numbered together. */
  listId: string;
  /** IDs of bookmarks at the start of this item (Document.addBookmark). */
  bookmarks?: string[];
}

export interface TableCellModel {
  /** A cell holds one paragraph here (Docs allows several, and lists and tables). */
  paragraph: ParagraphModel;
  backgroundColor: string | null;
}

export interface TableModel {
  kind: 'table';
  rows: TableCellModel[][];
  borderColor: string | null;
}

/** A child of a document body, in order. */
export type BodyElement = ParagraphModel | ListItemModel | TableModel;

export interface DocumentRecord {
  id: string;
  name: string;
  owner: string;
  /** The body's children in order; services/document.ts keeps at least one paragraph in it. */
  body: BodyElement[];
  parents: string[];
  trashed: boolean;
  createdMs: number;
}

/** A plain Drive file (JSON, CSV...) made with createFile: its text content and Drive state. */
export interface PlainFileRecord {
  id: string;
  name: string;
  owner: string;
  mimeType: string;
  content: string;
  parents: string[];
  trashed: boolean;
  createdMs: number;
}

export interface FolderRecord {
  id: string;
  name: string;
  owner: string;
  parents: string[];
}

export interface SentMail {
  from: string;
  to: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  sentMs: number;
  /** How many recipients (to, cc, bcc) the message counted against the sender's daily quota. */
  recipients: number;
}

export interface WorkspaceOptions {
  /** Start time of the clock. Default 2026-11-23T09:00:00Z. */
  now?: Date | number;
  /** The script's (manifest) time zone. Default Europe/Dublin, as in appsscript.json. */
  scriptTimeZone?: string;
  users?: { email: string; name?: string; authorized?: boolean }[];
  /** The built bundle loaded by run/call helpers. Default build/Code.js under the current directory. */
  bundlePath?: string;
  /** IDs newId has already issued. Set by restoreWorkspace (snapshot.ts) so new IDs do not collide with restored ones. */
  idsIssued?: number;
  /** UUIDs Utilities.getUuid has already issued (restoreWorkspace sets it: a restored run never repeats one). */
  uuidsIssued?: number;
  /**
   * Whether each call of a run moves the clock by its modelled time (runtime/latency.ts), so scripts see
   * time pass and their run deadlines fire. Default false: many tests assert timestamps and SLA boundaries
   * on a clock that stands still during a run (README, "Modelled time"). An execution may override it.
   */
  modelledTimeMovesClock?: boolean;
  /**
   * Whether executions measure the bundle's own CPU time for the latency model (benchmarks). Default false:
   * no test asserts CPU time, and asking the process for it around every service call slows every run.
   */
  measureScriptCpu?: boolean;
}

export class Workspace {
  readonly clock: Clock;
  readonly ledger = new CallLedger();
  readonly faults = new FaultPlan();
  readonly scriptTimeZone: string;
  readonly bundlePath: string;
  readonly scriptId = 'casebook-emulated-script';
  /** Default of ExecutionOptions.modelledTimeMovesClock (see WorkspaceOptions). */
  modelledTimeMovesClock: boolean;
  /** See WorkspaceOptions.measureScriptCpu. */
  measureScriptCpu: boolean;

  readonly users = new Map<string, UserRecord>();
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly folders = new Map<string, FolderRecord>();
  /** Plain files made with DriveApp/Folder.createFile (not in snapshots: see snapshot.ts). */
  readonly files = new Map<string, PlainFileRecord>();
  readonly ui: UiState = { menus: new Map(), shown: [], dialogs: [], scriptedAnswers: [], toasts: [] };
  /** Property stores keyed "script", "document:<id>", "user:<email>". */
  readonly properties = new Map<string, Map<string, string>>();
  /** Caches keyed "script", "document:<id>", "user:<email>". */
  readonly caches = new Map<string, Map<string, CacheEntry>>();
  /** Locks keyed "script", "document:<id>", "user:<email>". */
  readonly locks = new Map<string, LockState>();
  readonly triggers: TriggerRecord[] = [];
  readonly mail: SentMail[] = [];
  /** Local stand-ins UrlFetchApp reaches instead of the network, and the log of requests made. */
  readonly standIns = new StandInRegistry();
  /** Script log lines (Logger.log and console.* from loaded scripts). */
  readonly logs: { level: string; message: string }[] = [];
  private idCounter = 0;
  /** Utilities.getUuid's counter: its random bits are a hash of it (services/utilities.ts). */
  uuidsIssued = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.clock = new Clock(options.now);
    this.scriptTimeZone = options.scriptTimeZone ?? 'Europe/Dublin';
    this.bundlePath = options.bundlePath ?? 'build/Code.js';
    this.idCounter = options.idsIssued ?? 0;
    this.uuidsIssued = options.uuidsIssued ?? 0;
    this.modelledTimeMovesClock = options.modelledTimeMovesClock ?? false;
    this.measureScriptCpu = options.measureScriptCpu ?? false;
    for (const u of options.users ?? []) this.addUser(u.email, u.name, u.authorized);
  }

  addUser(email: string, name = email.split('@')[0] ?? email, authorized = true): UserRecord {
    const user = { email, name, authorized };
    this.users.set(email, user);
    return user;
  }

  /** The daily mail recipient quota of an account (facts file: 100 consumer, 1,500 Workspace). */
  mailRecipientsPerDay(email: string): number {
    return this.getUser(email).mailRecipientsPerDay ?? 1500;
  }

  /** The daily URL Fetch quota of an account (Google's quotas page: 20,000 consumer, 100,000 Workspace). */
  urlFetchCallsPerDay(email: string): number {
    return this.getUser(email).urlFetchCallsPerDay ?? 100_000;
  }

  getUser(email: string): UserRecord {
    const user = this.users.get(email);
    if (!user) throw new Error(`unknown user ${email}: add it with workspace.addUser first`);
    return user;
  }

  /** How many IDs newId has issued (read by snapshotWorkspace in snapshot.ts, which must save the private counter). */
  get idsIssued(): number {
    return this.idCounter;
  }

  /** A new opaque ID, like Drive's (stable order so tests are deterministic). */
  newId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${this.idCounter.toString(36).padStart(6, '0')}`;
  }

  createSpreadsheet(options: {
    name: string;
    owner: string;
    id?: string;
    timeZone?: string;
  }): SpreadsheetModel {
    this.getUser(options.owner);
    const id = options.id ?? this.newId('ss_');
    const model = newSpreadsheetModel(
      id,
      options.name,
      options.owner,
      options.timeZone ?? this.scriptTimeZone,
    );
    this.spreadsheets.set(id, model);
    return model;
  }

  getSpreadsheet(id: string): SpreadsheetModel {
    const model = this.spreadsheets.get(id);
    if (!model) throw new Error(`no spreadsheet with id ${id}`);
    return model;
  }

  /** Shares a spreadsheet with a user as editor (protections then decide what they may change). */
  shareSpreadsheet(id: string, email: string, role: 'editor' | 'viewer' = 'editor'): void {
    this.getUser(email);
    const model = this.getSpreadsheet(id);
    (role === 'editor' ? model.editors : model.viewers).add(email);
  }

  createDocument(options: { name: string; owner: string }): DocumentRecord {
    this.getUser(options.owner);
    const doc: DocumentRecord = {
      id: this.newId('doc_'),
      name: options.name,
      owner: options.owner,
      body: [],
      parents: [],
      trashed: false,
      createdMs: this.clock.now(),
    };
    this.documents.set(doc.id, doc);
    return doc;
  }

  createFolder(options: { name: string; owner: string; parent?: string }): FolderRecord {
    this.getUser(options.owner);
    const folder: FolderRecord = {
      id: this.newId('fld_'),
      name: options.name,
      owner: options.owner,
      parents: options.parent ? [options.parent] : [],
    };
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** Scripts the answer to the next alert or prompt a script shows (FIFO). Unscripted dialogs throw. */
  answerNextDialog(answer: ScriptedAnswer): void {
    this.ui.scriptedAnswers.push(answer);
  }

  propertyStore(key: string): Map<string, string> {
    let store = this.properties.get(key);
    if (!store) {
      store = new Map();
      this.properties.set(key, store);
    }
    return store;
  }
}

export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  return new Workspace(options);
}
