/**
 * Developer metadata on the spreadsheet itself: key/value pairs a script attaches to the file, kept in the
 * spreadsheet model so every user and execution sees the same entries (and snapshots save them).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addDeveloperMetadata(String) ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getDeveloperMetadata() ,
 * https://developers.google.com/workspace/sheets/api/guides/metadata (limits).
 *
 * Modelled: Spreadsheet.addDeveloperMetadata(key) and (key, value), created with DOCUMENT visibility;
 * Spreadsheet.getDeveloperMetadata(); DeveloperMetadata getId, getKey, getValue, setKey, setValue, remove,
 * getVisibility. Not modelled (they throw "not emulated"): the overloads taking a visibility, metadata on
 * sheets, rows, columns and ranges, getLocation, moveTo*, setVisibility, and DeveloperMetadataFinder.
 */
import { invalidArgument, notEmulated, ScriptException, signatureError } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import type { DeveloperMetadataModel, SpreadsheetModel } from './model';

type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

/**
 * Keys and values of all developer metadata in one spreadsheet may take at most 30,000 characters together.
 * From the Sheets API metadata guide (https://developers.google.com/workspace/sheets/api/guides/metadata);
 * VERIFY on live Sheets: whether the limit is per spreadsheet or per location (spreadsheet, each sheet),
 * whether it counts characters or bytes, and the exact message Apps Script throws (the one below is ours).
 */
export const DEVELOPER_METADATA_CHARACTER_LIMIT = 30_000;

/**
 * SpreadsheetApp.DeveloperMetadataVisibility. Unlike the emulator's other enums (plain strings), its members
 * are String objects, as Apps Script enum members are objects: that is what tells the overload
 * addDeveloperMetadata(key, visibility) apart from addDeveloperMetadata(key, value). String(member) and
 * member == 'DOCUMENT' behave as in Apps Script; member === 'DOCUMENT' is false there too.
 */
export const DeveloperMetadataVisibility = Object.freeze({
  DOCUMENT: Object.freeze(new String('DOCUMENT')),
  PROJECT: Object.freeze(new String('PROJECT')),
});

function isVisibility(value: unknown): boolean {
  return Object.values(DeveloperMetadataVisibility).some((member) => member === value);
}

function size(entries: DeveloperMetadataModel[]): number {
  return entries.reduce((sum, e) => sum + e.key.length + (e.value?.length ?? 0), 0);
}

/** Throws unless the spreadsheet's metadata, with `next` in place of the entry with its id, fits the limit. */
export function assertWithinLimit(ss: SpreadsheetModel, next: DeveloperMetadataModel): void {
  const total = size([...ss.developerMetadata.filter((e) => e.id !== next.id), next]);
  if (total > DEVELOPER_METADATA_CHARACTER_LIMIT) {
    throw new ScriptException(
      `Developer metadata limit exceeded: the keys and values of this spreadsheet's developer metadata would total ${total} characters; at most ${DEVELOPER_METADATA_CHARACTER_LIMIT} are allowed.`,
    );
  }
}

/** Sheets API: "Developer metadata must always have a key specified." An empty key is refused. */
function checkKey(key: string): void {
  if (key === '') throw invalidArgument('key');
}

class EmulatedDeveloperMetadata
  implements
    Pick<
      DeveloperMetadata,
      'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setKey' | 'setValue' | 'remove'
    >
{
  constructor(
    private readonly ss: SpreadsheetModel,
    private readonly id: number,
  ) {}

  /** The stored entry; another call or execution may have removed it (message is the emulator's own). */
  private entry(): DeveloperMetadataModel {
    const entry = this.ss.developerMetadata.find((e) => e.id === this.id);
    if (!entry) throw new ScriptException(`Developer metadata ${this.id} no longer exists.`);
    return entry;
  }

  getId(): number {
    return this.entry().id;
  }

  getKey(): string {
    return this.entry().key;
  }

  /** Docs (getValue): null when the metadata has no value (added with addDeveloperMetadata(key)). */
  getValue(): string | null {
    return this.entry().value;
  }

  getVisibility(): Visibility {
    return DeveloperMetadataVisibility[this.entry().visibility] as unknown as Visibility;
  }

  setKey(key: string): DeveloperMetadata {
    if (typeof key !== 'string') throw signatureError('SpreadsheetApp.DeveloperMetadata.setKey', [key]);
    checkKey(key);
    const entry = this.entry();
    assertWithinLimit(this.ss, { ...entry, key });
    entry.key = key;
    return this as unknown as DeveloperMetadata;
  }

  setValue(value: string): DeveloperMetadata {
    if (typeof value !== 'string') throw signatureError('SpreadsheetApp.DeveloperMetadata.setValue', [value]);
    const entry = this.entry();
    assertWithinLimit(this.ss, { ...entry, value });
    entry.value = value;
    return this as unknown as DeveloperMetadata;
  }

  remove(): void {
    this.entry();
    this.ss.developerMetadata = this.ss.developerMetadata.filter((e) => e.id !== this.id);
  }
}

function wrap(exec: Execution, ss: SpreadsheetModel, id: number): DeveloperMetadata {
  return emulate(
    new EmulatedDeveloperMetadata(ss, id),
    'DeveloperMetadata',
    exec,
  ) as unknown as DeveloperMetadata;
}

/** Spreadsheet.addDeveloperMetadata(key) | (key, value); the overloads with a visibility are not emulated. */
export function addSpreadsheetDeveloperMetadata(ss: SpreadsheetModel, args: unknown[]): void {
  const member = 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata';
  const [key, second] = args;
  if (args.length === 2 && isVisibility(second))
    notEmulated('Spreadsheet.addDeveloperMetadata(key, visibility)');
  if (args.length === 3 && isVisibility(args[2]))
    notEmulated('Spreadsheet.addDeveloperMetadata(key, value, visibility)');
  if (typeof key !== 'string' || args.length > 2 || (args.length === 2 && typeof second !== 'string')) {
    throw signatureError(member, args);
  }
  checkKey(key);
  const entry: DeveloperMetadataModel = {
    id: ss.nextDeveloperMetadataId,
    key,
    value: args.length === 2 ? (second as string) : null,
    visibility: 'DOCUMENT',
  };
  assertWithinLimit(ss, entry);
  ss.nextDeveloperMetadataId += 1;
  ss.developerMetadata.push(entry);
}

/** Spreadsheet.getDeveloperMetadata(): the spreadsheet-level entries, oldest first. */
export function spreadsheetDeveloperMetadata(exec: Execution, ss: SpreadsheetModel): DeveloperMetadata[] {
  return ss.developerMetadata.map((e) => wrap(exec, ss, e.id));
}
