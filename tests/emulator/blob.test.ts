/**
 * Utilities.newBlob and Blob as Google documents them: bytes are Java bytes (signed, -128..127), strings
 * are UTF-8 unless a charset is given, and a copy is independent of its original.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte) ,
 * https://developers.google.com/apps-script/reference/base/blob
 */
import { Execution } from '../../emulator/runtime/execution';
import { createUtilities } from '../../emulator/services/utilities';
import { createWorkspace } from '../../emulator/workspace';

const USER = 'lead@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: USER }] });
  return { ws, Utilities: createUtilities(new Execution(ws, { user: USER, authMode: 'FULL' })) };
}

describe('Utilities.newBlob', () => {
  test('from a string: UTF-8 bytes, signed; content type and name when given, else null', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob('é!', 'text/plain', 'note.txt');
    expect(blob.getBytes()).toEqual([-61, -87, 33]);
    expect(blob.getDataAsString()).toBe('é!');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('note.txt');
    const bare = Utilities.newBlob('x');
    expect(bare.getContentType()).toBeNull();
    expect(bare.getName()).toBeNull();
  });

  test('from a byte array of Java bytes; values outside -128..127 are refused', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob([-119, 80, 78, 71, 127, -128], 'image/png');
    expect(blob.getBytes()).toEqual([-119, 80, 78, 71, 127, -128]);
    expect(() => Utilities.newBlob([137, 80])).toThrow(
      'Invalid argument: data[0] is 137; a byte must be an integer from -128 to 127',
    );
    expect(() => Utilities.newBlob([1.5])).toThrow('Invalid argument: data[0] is 1.5');
    expect(() => Utilities.newBlob(['1' as unknown as number])).toThrow('Invalid argument: data[0] is 1');
  });

  test('setters, charsets, copyBlob and a fresh byte array per getBytes call', () => {
    const { ws, Utilities } = setup();
    const blob = Utilities.newBlob('abc');
    blob.setName('a.txt').setContentType('text/plain');
    const copy = blob.copyBlob();
    blob.setDataFromString('zz').setName('b.txt');
    expect([copy.getDataAsString(), copy.getName(), copy.getContentType()]).toEqual([
      'abc',
      'a.txt',
      'text/plain',
    ]);
    expect(blob.getDataAsString()).toBe('zz');
    const bytes = blob.getBytes();
    bytes[0] = 0;
    expect(blob.getBytes()).toEqual([122, 122]);
    expect(Utilities.newBlob([-23]).getDataAsString('ISO-8859-1')).toBe('é');
    expect(() => blob.getDataAsString('Shift_JIS')).toThrow(
      'not emulated: Blob.getDataAsString(charset SHIFT_JIS)',
    );
    expect(blob.isGoogleType()).toBe(false);
    expect(() => (blob as unknown as { getAs: (t: string) => void }).getAs('application/pdf')).toThrow(
      'not emulated: Blob.getAs',
    );
    ws.ledger.reset();
    blob.getBytes();
    expect(ws.ledger.count('Blob.getBytes')).toBe(1);
  });
});
