/**
 * DriveApp, the part Casebook needs: folders by ID, files (Docs, Sheets and plain text files made with
 * createFile) by ID and by name, moving, renaming and trashing files. Access follows ownership (and sharing for spreadsheets): an item the
 * effective user cannot open is reported as missing, as Drive does.
 * Docs: https://developers.google.com/apps-script/reference/drive/drive-app ,
 * https://developers.google.com/apps-script/reference/drive/folder ,
 * https://developers.google.com/apps-script/reference/drive/file ,
 * https://developers.google.com/apps-script/reference/drive/file-iterator
 * Folders are never trashed here (FolderRecord has no such state); there is no root folder object.
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type { DocumentRecord, FolderRecord, PlainFileRecord, Workspace } from '../workspace';
import type { SpreadsheetModel } from './spreadsheet/model';

export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ACCESS_DENIED = 'Access denied: DriveApp.';
export const MIME_DOCUMENT = 'application/vnd.google-apps.document';
export const MIME_SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

/** Drive state of a spreadsheet (SpreadsheetModel keeps only the grid): its folders and trash flag. */
export interface SpreadsheetDriveState {
  parents: string[];
  trashed: boolean;
}

const spreadsheetDrive = new WeakMap<SpreadsheetModel, SpreadsheetDriveState>();

/** The Drive state of a spreadsheet (created on first use: in My Drive's root, not trashed). */
export function spreadsheetDriveState(model: SpreadsheetModel): SpreadsheetDriveState {
  let state = spreadsheetDrive.get(model);
  if (!state) {
    state = { parents: [], trashed: false };
    spreadsheetDrive.set(model, state);
  }
  return state;
}

/** A Drive file: a Google Doc or a Google Sheet, with the Drive state of either. */
type FileModel =
  | { kind: 'document'; id: string; doc: DocumentRecord; drive: DocumentRecord }
  | { kind: 'spreadsheet'; id: string; sheet: SpreadsheetModel; drive: SpreadsheetDriveState }
  | { kind: 'plain'; id: string; file: PlainFileRecord; drive: PlainFileRecord };

const nameOf = (f: FileModel) =>
  f.kind === 'document' ? f.doc.name : f.kind === 'plain' ? f.file.name : f.sheet.name;

function fileModels(ws: Workspace): FileModel[] {
  const docs: FileModel[] = [...ws.documents.values()].map((doc) => ({
    kind: 'document',
    id: doc.id,
    doc,
    drive: doc,
  }));
  const sheets: FileModel[] = [...ws.spreadsheets.values()].map((sheet) => ({
    kind: 'spreadsheet',
    id: sheet.id,
    sheet,
    drive: spreadsheetDriveState(sheet),
  }));
  const plain: FileModel[] = [...ws.files.values()].map((file) => ({
    kind: 'plain',
    id: file.id,
    file,
    drive: file,
  }));
  return [...docs, ...sheets, ...plain];
}

function ownerOf(file: FileModel): string {
  return file.kind === 'document'
    ? file.doc.owner
    : file.kind === 'plain'
      ? file.file.owner
      : file.sheet.owner;
}

function canRead(exec: Execution, file: FileModel): boolean {
  const email = exec.effectiveUser.email;
  if (ownerOf(file) === email) return true;
  return file.kind === 'spreadsheet' && (file.sheet.editors.has(email) || file.sheet.viewers.has(email));
}

function canEdit(exec: Execution, file: FileModel): boolean {
  const email = exec.effectiveUser.email;
  return ownerOf(file) === email || (file.kind === 'spreadsheet' && file.sheet.editors.has(email));
}

function canOpenFolder(exec: Execution, folder: FolderRecord): boolean {
  return folder.owner === exec.effectiveUser.email;
}

/** Docs (FileIterator / FolderIterator): hasNext, then next; next past the end throws. */
class EmulatedIterator<T> {
  private index = 0;

  constructor(private readonly items: T[]) {}

  hasNext(): boolean {
    return this.index < this.items.length;
  }

  next(): T {
    const item = this.items[this.index];
    if (item === undefined)
      throw new ScriptException('Cannot retrieve the next object: iterator has reached the end.');
    this.index += 1;
    return item;
  }
}

function fileIterator(exec: Execution, files: FileModel[]): FileIterator {
  return emulate(
    new EmulatedIterator(files.map((f) => wrapFileModel(exec, f))),
    'FileIterator',
    exec,
  ) as unknown as FileIterator;
}

function folderIterator(exec: Execution, folders: FolderRecord[]): FolderIterator {
  return emulate(
    new EmulatedIterator(folders.map((f) => wrapFolder(exec, f))),
    'FolderIterator',
    exec,
  ) as unknown as FolderIterator;
}

class EmulatedFile
  implements
    Pick<
      File,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'getMimeType'
      | 'moveTo'
      | 'setTrashed'
      | 'isTrashed'
      | 'getParents'
    >
{
  readonly [INTERNAL]: FileModel;

  constructor(
    private readonly exec: Execution,
    file: FileModel,
  ) {
    this[INTERNAL] = file;
  }

  private self(): File {
    return this as unknown as File;
  }

  getId(): string {
    return this[INTERNAL].id;
  }

  getName(): string {
    return nameOf(this[INTERNAL]);
  }

  /** Renaming needs edit access. */
  setName(name: string): File {
    const f = this[INTERNAL];
    if (!canEdit(this.exec, f)) throw new ScriptException(ACCESS_DENIED);
    if (f.kind === 'document') f.doc.name = String(name);
    else if (f.kind === 'plain') f.file.name = String(name);
    else f.sheet.name = String(name);
    return this.self();
  }

  getUrl(): string {
    const f = this[INTERNAL];
    if (f.kind === 'plain') return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
    return f.kind === 'document'
      ? `https://docs.google.com/document/d/${f.id}/edit`
      : `https://docs.google.com/spreadsheets/d/${f.id}/edit`;
  }

  getMimeType(): string {
    const f = this[INTERNAL];
    if (f.kind === 'plain') return f.file.mimeType;
    return f.kind === 'document' ? MIME_DOCUMENT : MIME_SPREADSHEET;
  }

  /**
   * Docs (File.moveTo): "Moves this item to the provided destination folder. The current user must be the
   * owner of the file or have at least edit access to the item's current parent folder". The file leaves
   * all its current parents.
   */
  moveTo(destination: Folder): File {
    const folder = (destination as unknown as Record<symbol, FolderRecord | undefined>)[INTERNAL];
    if (!folder || !this.exec.workspace.folders.has(folder.id))
      throw new ScriptException('Invalid argument: destination');
    const f = this[INTERNAL];
    if (!canEdit(this.exec, f) || !canOpenFolder(this.exec, folder)) throw new ScriptException(ACCESS_DENIED);
    f.drive.parents = [folder.id];
    return this.self();
  }

  /** Docs (File.setTrashed): "Only the owner may trash the File." */
  setTrashed(trashed: boolean): File {
    const f = this[INTERNAL];
    if (ownerOf(f) !== this.exec.effectiveUser.email) throw new ScriptException(ACCESS_DENIED);
    f.drive.trashed = Boolean(trashed);
    return this.self();
  }

  isTrashed(): boolean {
    return this[INTERNAL].drive.trashed;
  }

  /** The folders holding the file that the user can open (none for a file in My Drive's root). */
  getParents(): FolderIterator {
    const folders = this[INTERNAL].drive.parents
      .map((id) => this.exec.workspace.folders.get(id))
      .filter((f): f is FolderRecord => f !== undefined && canOpenFolder(this.exec, f));
    return folderIterator(this.exec, folders);
  }
}

class EmulatedFolder
  implements
    Pick<
      Folder,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'createFolder'
      | 'createFile'
      | 'getFiles'
      | 'getFilesByName'
      | 'getFolders'
      | 'getParents'
    >
{
  readonly [INTERNAL]: FolderRecord;

  constructor(
    private readonly exec: Execution,
    folder: FolderRecord,
  ) {
    this[INTERNAL] = folder;
  }

  getId(): string {
    return this[INTERNAL].id;
  }

  getName(): string {
    return this[INTERNAL].name;
  }

  setName(name: string): Folder {
    this[INTERNAL].name = String(name);
    return this as unknown as Folder;
  }

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this[INTERNAL].id}`;
  }

  /** Docs: "Creates a folder in the current folder with the given name." Owned by the effective user. */
  createFolder(name: string): Folder {
    const folder = this.exec.workspace.createFolder({
      name: String(name),
      owner: this.exec.effectiveUser.email,
      parent: this[INTERNAL].id,
    });
    return wrapFolder(this.exec, folder);
  }

  /**
   * Children the user can open (Docs, then Sheets). Trashed files are included, as in Drive: a script
   * that must skip them checks File.isTrashed().
   */
  private files(): FileModel[] {
    return fileModels(this.exec.workspace).filter(
      (f) => f.drive.parents.includes(this[INTERNAL].id) && canRead(this.exec, f),
    );
  }

  /** Docs (Folder.createFile(name, content, mimeType)): "Creates a text file in the current folder". */
  createFile(...args: unknown[]): File {
    return createPlainFile(this.exec, args, this[INTERNAL].id);
  }

  /** Docs: "Gets a collection of all files that are children of the current folder." */
  getFiles(): FileIterator {
    return fileIterator(this.exec, this.files());
  }

  /** Docs: "Gets a collection of all files that are children of the current folder and have the given name." */
  getFilesByName(name: string): FileIterator {
    const wanted = String(name);
    return fileIterator(
      this.exec,
      this.files().filter((f) => nameOf(f) === wanted),
    );
  }

  getFolders(): FolderIterator {
    const id = this[INTERNAL].id;
    return folderIterator(
      this.exec,
      [...this.exec.workspace.folders.values()].filter(
        (f) => f.parents.includes(id) && canOpenFolder(this.exec, f),
      ),
    );
  }

  getParents(): FolderIterator {
    const folders = this[INTERNAL].parents
      .map((id) => this.exec.workspace.folders.get(id))
      .filter((f): f is FolderRecord => f !== undefined && canOpenFolder(this.exec, f));
    return folderIterator(this.exec, folders);
  }
}

/**
 * createFile(name, content[, mimeType]): a text file (mimeType defaults to text/plain). A Blob argument is not
 * emulated. Docs: https://developers.google.com/apps-script/reference/drive/drive-app#createFile(String,String,String)
 * ("Throws an exception if content is larger than 10MB"). Folder.createFile needs the folder to be openable.
 */
const MAX_TEXT_FILE = 10 * 1024 * 1024;
function createPlainFile(exec: Execution, args: unknown[], parent: string | null): File {
  const [name, content, mimeType] = args;
  if (args.length < 2 || typeof name !== 'string' || typeof content !== 'string')
    throw new ScriptException('not emulated: createFile(blob)');
  if (name === '') throw new ScriptException('Invalid argument: name');
  if (content.length > MAX_TEXT_FILE) throw new ScriptException('File content too large.');
  if (parent !== null) {
    const folder = exec.workspace.folders.get(parent);
    if (!folder || !canOpenFolder(exec, folder)) throw new ScriptException(ACCESS_DENIED);
  }
  const file: PlainFileRecord = {
    id: exec.workspace.newId('file_'),
    name,
    owner: exec.effectiveUser.email,
    mimeType: typeof mimeType === 'string' && mimeType !== '' ? mimeType : 'text/plain',
    content,
    parents: parent === null ? [] : [parent],
    trashed: false,
    createdMs: exec.workspace.clock.now(),
  };
  exec.workspace.files.set(file.id, file);
  return wrapFileModel(exec, { kind: 'plain', id: file.id, file, drive: file });
}

function wrapFileModel(exec: Execution, file: FileModel): File {
  return emulate(new EmulatedFile(exec, file), 'File', exec) as unknown as File;
}

/** A File facade over a Google Doc (for DocumentApp and tests). */
export function wrapFile(exec: Execution, doc: DocumentRecord): File {
  return wrapFileModel(exec, { kind: 'document', id: doc.id, doc, drive: doc });
}

function wrapFolder(exec: Execution, folder: FolderRecord): Folder {
  return emulate(new EmulatedFolder(exec, folder), 'Folder', exec) as unknown as Folder;
}

class EmulatedDriveApp
  implements
    Pick<
      GoogleAppsScript.Drive.DriveApp,
      'getFolderById' | 'getFileById' | 'getFilesByName' | 'createFolder' | 'createFile'
    >
{
  constructor(private readonly exec: Execution) {}

  /** Docs: "Gets the folder with the given ID." Someone else's folder is reported as missing. */
  getFolderById(id: string): Folder {
    const folder = this.exec.workspace.folders.get(String(id));
    if (!folder || !canOpenFolder(this.exec, folder)) throw new ScriptException(NOT_FOUND);
    return wrapFolder(this.exec, folder);
  }

  /** Docs: "Gets the file with the given ID." Docs and Sheets are files; trashed files can still be opened. */
  getFileById(id: string): File {
    const file = fileModels(this.exec.workspace).find((f) => f.id === String(id));
    if (!file || !canRead(this.exec, file)) throw new ScriptException(NOT_FOUND);
    return wrapFileModel(this.exec, file);
  }

  /** Docs: "Gets a collection of all files in the user's Drive that have the given name." */
  getFilesByName(name: string): FileIterator {
    const wanted = String(name);
    return fileIterator(
      this.exec,
      fileModels(this.exec.workspace).filter((f) => nameOf(f) === wanted && canRead(this.exec, f)),
    );
  }

  /** Docs (DriveApp.createFile(name, content, mimeType)): a text file in the root of the user's Drive. */
  createFile(...args: unknown[]): File {
    return createPlainFile(this.exec, args, null);
  }

  /** Docs: "Creates a folder in the root of the user's Drive with the given name." */
  createFolder(name: string): Folder {
    if (typeof name !== 'string' || name === '') throw new ScriptException('Invalid argument: name');
    return wrapFolder(
      this.exec,
      this.exec.workspace.createFolder({ name, owner: this.exec.effectiveUser.email }),
    );
  }
}

export function createDriveApp(exec: Execution): GoogleAppsScript.Drive.DriveApp {
  return emulate(new EmulatedDriveApp(exec), 'DriveApp', exec) as unknown as GoogleAppsScript.Drive.DriveApp;
}
