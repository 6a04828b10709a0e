/**
 * DriveApp.createFile and Folder.createFile with text content: a plain file in the root or the folder, its
 * name, MIME type (text/plain by default) and URL; found by name; Blob content not emulated.
 * Docs: https://developers.google.com/apps-script/reference/drive/drive-app#createFile(String,String,String) ,
 * https://developers.google.com/apps-script/reference/drive/folder#createFile(String,String,String)
 */
import { EDITOR, OWNER, servicesFor, workspace } from './support';

test('a text file lands in the folder with its MIME type and can be found by name', () => {
  const { ws } = workspace();
  const { DriveApp } = servicesFor(ws, { user: OWNER });
  const folder = DriveApp.createFolder('Reports');
  const file = folder.createFile('statements.json', '{"statements":[]}', 'application/json');
  expect([file.getName(), file.getMimeType(), file.getUrl()]).toEqual([
    'statements.json',
    'application/json',
    `https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`,
  ]);
  expect(ws.files.get(file.getId())).toMatchObject({
    content: '{"statements":[]}',
    parents: [folder.getId()],
    owner: OWNER,
  });
  expect(folder.getFilesByName('statements.json').next().getId()).toBe(file.getId());
  const root = DriveApp.createFile('notes.txt', 'hello');
  expect(root.getMimeType()).toBe('text/plain');
  expect(root.getParents().hasNext()).toBe(false);
});

test('another user’s folder is not writable; a Blob is not emulated; an empty name is refused', () => {
  const { ws } = workspace();
  const folder = ws.createFolder({ name: 'Owner only', owner: OWNER });
  const editor = servicesFor(ws, { user: EDITOR });
  const owner = servicesFor(ws, { user: OWNER });
  expect(() => editor.DriveApp.getFolderById(folder.id)).toThrow('No item with the given ID');
  expect(() => owner.DriveApp.createFile({} as unknown as string, '')).toThrow(
    'not emulated: createFile(blob)',
  );
  expect(() => owner.DriveApp.createFile('', 'x')).toThrow('Invalid argument: name');
  expect(ws.files.size).toBe(0);
});
