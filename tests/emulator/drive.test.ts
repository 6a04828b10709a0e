/**
 * DriveApp as Google documents it, for the part Casebook uses: folders and files (Docs and Sheets) by ID,
 * files by name, moving, renaming and trashing, with access by ownership and sharing.
 * Docs: https://developers.google.com/apps-script/reference/drive/drive-app ,
 * https://developers.google.com/apps-script/reference/drive/folder ,
 * https://developers.google.com/apps-script/reference/drive/file ,
 * https://developers.google.com/apps-script/reference/drive/file-iterator
 */
import { Execution, type ExecutionOptions } from '../../emulator/runtime/execution';
import {
  ACCESS_DENIED,
  createDriveApp,
  MIME_DOCUMENT,
  MIME_SPREADSHEET,
  NOT_FOUND,
} from '../../emulator/services/drive';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';
const VIEWER = 'auditor@governance.example';
const STRANGER = 'someone@elsewhere.example';

function setup() {
  const ws = createWorkspace({
    users: [{ email: OWNER }, { email: EDITOR }, { email: VIEWER }, { email: STRANGER }],
  });
  const ss = ws.createSpreadsheet({ name: 'EU tracker', owner: OWNER });
  ws.shareSpreadsheet(ss.id, EDITOR);
  ws.shareSpreadsheet(ss.id, VIEWER, 'viewer');
  const doc = ws.createDocument({ name: 'Weekly report', owner: OWNER });
  const drive = (user = OWNER, extra: Partial<ExecutionOptions> = {}) =>
    createDriveApp(new Execution(ws, { user, authMode: 'FULL', ...extra }));
  return { ws, ss, doc, drive };
}

function names(it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('folders', () => {
  test('createFolder makes a folder owned by the effective user; its owner opens it by ID', () => {
    const { ws, drive } = setup();
    const folder = drive().createFolder('Casebook reports');
    expect(folder.getName()).toBe('Casebook reports');
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    expect(ws.folders.get(folder.getId())?.owner).toBe(OWNER);
    expect(drive().getFolderById(folder.getId()).getName()).toBe('Casebook reports');
  });

  test('a folder of someone else, or an unknown ID, is "not found"', () => {
    const { drive } = setup();
    const id = drive().createFolder('Private').getId();
    expect(() => drive(EDITOR).getFolderById(id)).toThrow(NOT_FOUND);
    expect(() => drive().getFolderById('nope')).toThrow(NOT_FOUND);
  });

  test('an installable trigger runs as its owner: the folder belongs to the effective user', () => {
    const { ws, drive } = setup();
    const folder = drive(EDITOR, { effectiveUser: OWNER }).createFolder('From trigger');
    expect(ws.folders.get(folder.getId())?.owner).toBe(OWNER);
  });

  test('subfolders: createFolder, getFolders, getParents; empty names are refused', () => {
    const { drive } = setup();
    const root = drive().createFolder('Casebook');
    const sub = root.createFolder('2026');
    root.createFolder('2027');
    expect(names(root.getFolders())).toEqual(['2026', '2027']);
    expect(names(sub.getParents())).toEqual(['Casebook']);
    expect(names(root.getParents())).toEqual([]);
    expect(() => drive().createFolder('')).toThrow('Invalid argument: name');
  });
});

describe('files', () => {
  test('Docs and Sheets are files with their MIME types and URLs', () => {
    const { ss, doc, drive } = setup();
    const d = drive().getFileById(doc.id);
    expect([d.getName(), d.getMimeType(), d.getUrl()]).toEqual([
      'Weekly report',
      MIME_DOCUMENT,
      `https://docs.google.com/document/d/${doc.id}/edit`,
    ]);
    const s = drive().getFileById(ss.id);
    expect([s.getName(), s.getMimeType(), s.getUrl()]).toEqual([
      'EU tracker',
      MIME_SPREADSHEET,
      `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    ]);
  });

  test('sharing decides who can open a file; others get "not found"', () => {
    const { ss, doc, drive } = setup();
    expect(drive(EDITOR).getFileById(ss.id).getName()).toBe('EU tracker');
    expect(drive(VIEWER).getFileById(ss.id).getName()).toBe('EU tracker');
    expect(() => drive(STRANGER).getFileById(ss.id)).toThrow(NOT_FOUND);
    expect(() => drive(EDITOR).getFileById(doc.id)).toThrow(NOT_FOUND);
    expect(() => drive().getFileById('missing')).toThrow(NOT_FOUND);
  });

  test('setName needs edit access', () => {
    const { ss, drive } = setup();
    drive(EDITOR).getFileById(ss.id).setName('EU tracker 2026');
    expect(drive().getFileById(ss.id).getName()).toBe('EU tracker 2026');
    expect(() => drive(VIEWER).getFileById(ss.id).setName('x')).toThrow(ACCESS_DENIED);
  });

  test('moveTo puts the file in the folder and takes it out of its previous one', () => {
    const { doc, ss, drive } = setup();
    const app = drive();
    const a = app.createFolder('A');
    const b = app.createFolder('B');
    const file = app.getFileById(doc.id);
    expect(names(file.getParents())).toEqual([]);
    file.moveTo(a);
    app.getFileById(ss.id).moveTo(a);
    expect(names(a.getFiles())).toEqual(['Weekly report', 'EU tracker']);
    expect(names(file.getParents())).toEqual(['A']);
    file.moveTo(b);
    expect(names(a.getFiles())).toEqual(['EU tracker']);
    expect(names(b.getFiles())).toEqual(['Weekly report']);
    expect(doc.parents).toEqual([b.getId()]);
  });

  test('only the owner may trash a file; trashed files stay in folder listings (check isTrashed)', () => {
    const { ss, doc, drive } = setup();
    const app = drive();
    const folder = app.createFolder('Reports');
    const file = app.getFileById(doc.id);
    file.moveTo(folder);
    expect(() => drive(EDITOR).getFileById(ss.id).setTrashed(true)).toThrow(ACCESS_DENIED);
    file.setTrashed(true);
    expect(file.isTrashed()).toBe(true);
    expect(doc.trashed).toBe(true);
    const found = folder.getFilesByName('Weekly report');
    expect(found.hasNext()).toBe(true);
    expect(found.next().isTrashed()).toBe(true);
    expect(app.getFileById(doc.id).getName()).toBe('Weekly report');
  });

  test('getFilesByName in a folder and across the user\u2019s Drive', () => {
    const { ws, drive } = setup();
    const app = drive();
    const folder = app.createFolder('Reports');
    const w1 = ws.createDocument({ name: 'Week 1', owner: OWNER });
    ws.createDocument({ name: 'Week 1', owner: EDITOR });
    app.getFileById(w1.id).moveTo(folder);
    expect(names(folder.getFilesByName('Week 1'))).toEqual(['Week 1']);
    expect(names(folder.getFilesByName('Week 2'))).toEqual([]);
    expect(names(app.getFilesByName('Week 1'))).toEqual(['Week 1']);
    expect(names(drive(EDITOR).getFilesByName('EU tracker'))).toEqual(['EU tracker']);
  });

  test('next() past the end of an iterator throws', () => {
    const { drive } = setup();
    const it = drive().createFolder('Empty').getFiles();
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
  });
});

describe('authorization', () => {
  test('DriveApp is refused in AuthMode.LIMITED (simple triggers)', () => {
    const { ws } = setup();
    const app = createDriveApp(new Execution(ws, { user: OWNER, authMode: 'LIMITED' }));
    expect(() => app.createFolder('x')).toThrow('You do not have permission to call DriveApp.createFolder');
  });
});
