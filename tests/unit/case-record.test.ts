/**
 * The sealed case record (core/cases/case-record.ts) and the script HMAC it uses: the same bytes as
 * HMAC-SHA256 everywhere (RFC 4231 vectors and Node's crypto, as Utilities.computeHmacSha256Signature
 * gives), a record that verifies only for its own case and text, and a diff that tells edits of tracked
 * fields (with old values) from typed system columns.
 */
import { createHmac } from 'node:crypto';
import { hex, hmacSha256, hmacSha256Base64, utf8Bytes } from '../../src/core/audit/hmac-sha256';
import {
  diffRecord,
  diffRecordOn,
  openRecord,
  peekRecordFields,
  resealRecord,
  sealRecord,
} from '../../src/core/cases/case-record';

const mac = (message: string) => hmacSha256Base64('tracker secret', message);

describe('HMAC-SHA256 in script', () => {
  test('RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(utf8Bytes('Jefe'), utf8Bytes('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  test.each([
    ['', ''],
    ['k', 'Zoë, Łódź: ☃ 🧾'],
    [
      'a much longer key than one block of sixty-four bytes, to be hashed first: '.repeat(2),
      'x'.repeat(1000),
    ],
  ])('matches Node for key %#', (key, message) => {
    expect(hmacSha256Base64(key, message)).toBe(
      createHmac('sha256', key).update(message, 'utf8').digest('base64'),
    );
  });
});

describe('the sealed record', () => {
  const row = {
    caseId: 'CB-2026-00001',
    status: 'New',
    acceptedStatus: 'New',
    slaNotices: '',
    escalationLevel: 0,
    createdAt: new Date('2026-11-23T09:00:00Z'),
    liveDate: new Date('2026-11-19T23:00:00Z'),
    resolution: 'r'.repeat(5000),
  };

  test('opens for its own case and text only', () => {
    const text = sealRecord(mac, 'CB-2026-00001', row, 'Europe/Berlin');
    expect(openRecord(mac, 'CB-2026-00001', text).ok).toBe(true);
    expect(openRecord(mac, 'CB-2026-00002', text)).toMatchObject({ ok: false, reason: 'broken' });
    expect(openRecord(mac, 'CB-2026-00001', text.replace('"New"', '"Closed"'))).toMatchObject({ ok: false });
    expect(openRecord((m) => hmacSha256Base64('other', m), 'CB-2026-00001', text).ok).toBe(false);
    expect(openRecord(mac, 'CB-2026-00001', '')).toMatchObject({ ok: false, reason: 'missing' });
    expect(openRecord(mac, 'CB-2026-00001', '{"v":1,"f":{},"s":"x"}')).toMatchObject({ ok: false });
  });

  test('sealed again from its own values with some fields changed: the record sealRecord gives the row', () => {
    const record = openRecord(
      mac,
      'CB-2026-00001',
      sealRecord(mac, 'CB-2026-00001', row, 'Europe/Berlin', 'w1'),
    );
    if (!record.ok) throw new Error('should open');
    const changes = { slaStatus: 'Breached', escalationLevel: 1, slaDue: new Date('2026-11-23T13:00:00Z') };
    // The long resolution is only a digest in the record: resealing needs neither it nor any other cell.
    expect(resealRecord(mac, 'CB-2026-00001', record.fields, changes, 'Europe/Berlin', 'w2')).toBe(
      sealRecord(mac, 'CB-2026-00001', { ...row, ...changes }, 'Europe/Berlin', 'w2'),
    );
  });

  test('compared on some columns only: a typed one differs, the others come from the record', () => {
    const record = openRecord(mac, 'CB-2026-00001', sealRecord(mac, 'CB-2026-00001', row, 'Europe/Berlin'));
    if (!record.ok) throw new Error('should open');
    const keys = ['caseId', 'status', 'slaNotices', 'escalationLevel', 'caseRecord'] as const;
    const read = { caseId: row.caseId, status: 'New', slaNotices: '', escalationLevel: 0 };
    const same = diffRecordOn(read, record.fields, 'Europe/Berlin', keys);
    expect(same.differs).toBe(false);
    expect(same.sealed).toMatchObject({ status: 'New', acceptedStatus: 'New', createdAt: row.createdAt });
    // A digest cannot be restored, and the cell was not read: the long text is left out.
    expect(same.sealed.resolution).toBeUndefined();
    const typed = diffRecordOn({ ...read, slaNotices: 'breach sent' }, record.fields, 'Europe/Berlin', keys);
    expect(typed.differs).toBe(true);
    // The sweep decides from the record, never from the typed cell.
    expect(typed.sealed.slaNotices).toBe('');
  });

  test('a peek reads the fields without the seal (only to narrow a scan), null for anything else', () => {
    const text = sealRecord(mac, 'CB-2026-00001', row, 'Europe/Berlin');
    expect(peekRecordFields(text)?.status).toBe('New');
    // A forged record peeks as it says, and still never opens: the peek decides nothing.
    const forged = text.replace('"New"', '"Closed"');
    expect(peekRecordFields(forged)?.status).toBe('Closed');
    expect(openRecord(mac, 'CB-2026-00001', forged).ok).toBe(false);
    for (const cell of ['', 'Closed', '{"v":1,"f":{oops},"s":"x"}', 42, null, undefined])
      expect(peekRecordFields(cell)).toBeNull();
  });

  test('tells edits (with old values) from typed system columns, and gives the sealed values', () => {
    const text = sealRecord(mac, 'CB-2026-00001', row, 'Europe/Berlin');
    const record = openRecord(mac, 'CB-2026-00001', text);
    if (!record.ok) throw new Error('should open');
    const typed = {
      ...row,
      status: 'Closed',
      acceptedStatus: 'Closed',
      slaNotices: 'breach sent',
      resolution: 'short',
    };
    const diff = diffRecord(typed, record.fields, 'Europe/Berlin');
    expect(diff.edits.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['status', 'New', 'Closed'],
      ['resolution', '(5000 characters, not kept in the record)', 'short'],
    ]);
    expect(diff.tampered.map((e) => e.field)).toEqual(['slaNotices', 'acceptedStatus']);
    expect(diff.sealed).toMatchObject({
      status: 'New',
      acceptedStatus: 'New',
      slaNotices: '',
      escalationLevel: 0,
    });
    // A date read back from its cell is the same day in the tracker's zone: no edit.
    const same = diffRecord({ ...row, liveDate: '2026-11-20' }, record.fields, 'Europe/Berlin');
    expect(same.edits).toEqual([]);
  });

  test('always fits in one cell', () => {
    const huge = Object.fromEntries(
      ['summary', 'resolution', 'evidenceLinks', 'overturnReason', 'illegalityExplanation'].map((k) => [
        k,
        '"\n'.repeat(20_000),
      ]),
    );
    expect(sealRecord(mac, 'CB-2026-00001', huge, 'UTC').length).toBeLessThan(50_000);
  });
});
