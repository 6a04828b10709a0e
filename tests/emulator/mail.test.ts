/**
 * MailApp: mail sent as the effective user, every recipient counted against a rolling daily quota, at most
 * 50 recipients a message, nothing in LIMITED mode. Docs: https://developers.google.com/apps-script/reference/mail/mail-app ,
 * https://developers.google.com/apps-script/guides/services/quotas
 */
import { EDITOR, OWNER, servicesFor, tracker, workspace } from './support';

test('a message lands in the outbox from the effective user, and each recipient uses quota', () => {
  const { ws, MailApp } = tracker();
  expect(MailApp.getRemainingDailyQuota()).toBe(1500);
  MailApp.sendEmail({
    to: `${EDITOR}, ops2@governance.example`,
    cc: 'lead2@governance.example',
    subject: 'Digest',
    body: 'Two cases',
  });
  MailApp.sendEmail(EDITOR, 'Second', 'Body', { htmlBody: '<p>Body</p>' });
  expect(ws.mail.map((m) => [m.from, m.to, m.subject, m.recipients, m.htmlBody])).toEqual([
    [OWNER, `${EDITOR}, ops2@governance.example`, 'Digest', 3, null],
    [OWNER, EDITOR, 'Second', 1, '<p>Body</p>'],
  ]);
  expect(MailApp.getRemainingDailyQuota()).toBe(1496);
});

test('a consumer account has 100 recipients a day; the quota refreshes 24 hours after use', () => {
  const { ws } = workspace();
  ws.getUser(OWNER).mailRecipientsPerDay = 100;
  const { MailApp } = servicesFor(ws, { user: OWNER });
  const fifty = Array.from({ length: 50 }, (_, i) => `r${i}@example.com`).join(',');
  MailApp.sendEmail(fifty, 'a', 'b');
  ws.clock.advance(3_600_000);
  MailApp.sendEmail(fifty, 'a', 'b');
  expect(MailApp.getRemainingDailyQuota()).toBe(0);
  expect(() => MailApp.sendEmail(EDITOR, 'one more', 'b')).toThrow(
    'Service invoked too many times for one day: email.',
  );
  expect(ws.mail).toHaveLength(2);
  ws.clock.advance(23 * 3_600_000 + 1);
  expect(MailApp.getRemainingDailyQuota()).toBe(50);
});

test('more than 50 recipients, a bad address or none are refused; LIMITED mode may not send', () => {
  const { ws } = workspace();
  const { MailApp } = servicesFor(ws, { user: OWNER });
  const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`).join(',');
  expect(() => MailApp.sendEmail(many, 's', 'b')).toThrow('Limit Exceeded: Email Recipients Per Message.');
  expect(() => MailApp.sendEmail('not an address', 's', 'b')).toThrow('Invalid email: not an address');
  expect(() => MailApp.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow('no recipient');
  const limited = servicesFor(ws, { user: EDITOR, authMode: 'LIMITED' });
  expect(() => limited.MailApp.sendEmail(OWNER, 's', 'b')).toThrow(
    'You do not have permission to call MailApp.sendEmail',
  );
  expect(() => MailApp.sendEmail(EDITOR, 's', 'b', { attachments: [] })).toThrow(
    'not emulated: MailApp.sendEmail option attachments',
  );
  expect(ws.mail).toHaveLength(0);
});

test('an installable trigger sends as its owner: the owner’s quota is used', () => {
  const { ws } = workspace();
  const asOwner = servicesFor(ws, { user: EDITOR, effectiveUser: OWNER });
  asOwner.MailApp.sendEmail(EDITOR, 'SLA breached', 'CB-2026-00001');
  expect(ws.mail[0]?.from).toBe(OWNER);
  expect(servicesFor(ws, { user: OWNER }).MailApp.getRemainingDailyQuota()).toBe(1499);
  expect(servicesFor(ws, { user: EDITOR }).MailApp.getRemainingDailyQuota()).toBe(1500);
});
