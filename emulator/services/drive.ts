/**
 * DriveApp, the part Casebook needs: folders by ID, files (Docs and Sheets) by ID and by name in a folder,
 * moving and trashing files. Access follows ownership (and sharing for spreadsheets).
 * Docs: https://developers.google.com/apps-script/reference/drive/drive-app ,
 * https://developers.google.com/apps-script/reference/drive/folder , .../drive/file
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type { DocumentRecord, FolderRecord } from '../workspace';

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
const DOC_MIME = 'application/vnd.google-apps.document';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

class EmulatedIterator<T> {
  private index = 0;

  constructor(private readonly items: T[]) {}

  hasNext(): boolean {
    return this.index < this.items.length;
  }

  next(): T {
    const item = this.items[this.index++];
    if (item === undefined)
      throw new ScriptException('Cannot retrieve the next object: iterator has reached the end.');
    return item;
  }
}

function iterator<T>(exec: Execution, name: string, items: T[]) {
  return emulate(new EmulatedIterator(items), name, exec);
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
  readonly [INTERNAL]: DocumentRecord;

  constructor(
    private readonly exec: Execution,
    doc: DocumentRecord,
  ) {
    this[INTERNAL] = doc;
  }

  getId(): string {
    return this[INTERNAL].id;
  }

  getName(): string {
    return this[INTERNAL].name;
  }

  setName(name: string): File {
    this[INTERNAL].name = String(name);
    return this as unknown as File;
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this[INTERNAL].id}/edit`;
  }

  getMimeType(): string {
    return DOC_MIME;
  }

  /** Docs (File.moveTo): the file leaves its current parents for the destination. */
  moveTo(destination: Folder): File {
    const folder = (destination as unknown as Record<symbol, FolderRecord | undefined>)[INTERNAL];
    if (!folder) throw new ScriptException('Invalid argument: destination');
    this[INTERNAL].parents = [folder.id];
    return this as unknown as File;
  }

  setTrashed(trashed: boolean): File {
    this[INTERNAL].trashed = Boolean(trashed);
    return this as unknown as File;
  }

  isTrashed(): boolean {
    return this[INTERNAL].trashed;
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const folders = this[INTERNAL].parents
      .map((id) => this.exec.workspace.folders.get(id))
      .filter((f): f is FolderRecord => f !== undefined)
      .map((f) => wrapFolder(this.exec, f));
    return iterator(this.exec, 'FolderIterator', folders) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}

class EmulatedFolder
  implements Pick<Folder, 'getId' | 'getName' | 'getUrl' | 'createFolder' | 'getFilesByName' | 'getFiles'>
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

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this[INTERNAL].id}`;
  }

  createFolder(name: string): Folder {
    const folder = this.exec.workspace.createFolder({
      name: String(name),
      owner: this.exec.effectiveUser.email,
      parent: this[INTERNAL].id,
    });
    return wrapFolder(this.exec, folder);
  }

  private files(): DocumentRecord[] {
    return [...this.exec.workspace.documents.values()].filter(
      (d) => !d.trashed && d.parents.includes(this[INTERNAL].id),
    );
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return iterator(
      this.exec,
      'FileIterator',
      this.files().map((d) => wrapFile(this.exec, d)),
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    const matches = this.files().filter((d) => d.name === String(name));
    return iterator(
      this.exec,
      'FileIterator',
      matches.map((d) => wrapFile(this.exec, d)),
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
}

export function wrapFile(exec: Execution, doc: DocumentRecord): File {
  return emulate(new EmulatedFile(exec, doc), 'File', exec) as unknown as File;
}

function wrapFolder(exec: Execution, folder: FolderRecord): Folder {
  return emulate(new EmulatedFolder(exec, folder), 'Folder', exec) as unknown as Folder;
}

class EmulatedDriveApp
  implements Pick<GoogleAppsScript.Drive.DriveApp, 'getFolderById' | 'getFileById' | 'createFolder'>
{
  constructor(private readonly exec: Execution) {}

  getFolderById(id: string): Folder {
    const folder = this.exec.workspace.folders.get(String(id));
    if (!folder || folder.owner !== this.exec.effectiveUser.email) throw new ScriptException(NOT_FOUND);
    return wrapFolder(this.exec, folder);
  }

  getFileById(id: string): File {
    const doc = this.exec.workspace.documents.get(String(id));
    if (!doc || doc.owner !== this.exec.effectiveUser.email) throw new ScriptException(NOT_FOUND);
    return wrapFile(this.exec, doc);
  }

  createFolder(name: string): Folder {
    return wrapFolder(
      this.exec,
      this.exec.workspace.createFolder({ name: String(name), owner: this.exec.effectiveUser.email }),
    );
  }
}

export function createDriveApp(exec: Execution): GoogleAppsScript.Drive.DriveApp {
  return emulate(new EmulatedDriveApp(exec), 'DriveApp', exec) as unknown as GoogleAppsScript.Drive.DriveApp;
}
