/**
 * The complaints (Art. 20 DSA) and out-of-court disputes (Art. 21) of each case the New case form's
 * duplicate check found, in short under the case in the warning: how many, where the latest stands, every
 * reversal flagged (the earlier enforcement was a misjudgement: think twice before acting again) and each
 * dispute still open with its body and clock. Built with the DOM API and textContent only: register cells
 * are data, never markup.
 */
import type { FoundCaseComplaints } from '../server/duplicate-complaints';

const DAY = /(\d{4}-\d{2}-\d{2})/;

/** Text with each day kept on one line (a narrow sidebar would break "2026-11-10" at its hyphens). */
function withDays(text: string): (string | Node)[] {
  return text.split(DAY).map((part, i) => {
    if (i % 2 === 0) return part;
    const day = document.createElement('span');
    day.className = 'day';
    day.textContent = part;
    return day;
  });
}

function line(className: string, ...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.append(...parts.flatMap((part) => (typeof part === 'string' ? withDays(part) : [part])));
  return p;
}

function strong(text: string): HTMLElement {
  const node = document.createElement('strong');
  node.textContent = text;
  return node;
}

function latestText(found: FoundCaseComplaints): string {
  const latest = found.latest;
  if (!latest) return '';
  const where = latest.complaintId ? `latest ${latest.complaintId}` : 'latest';
  if (latest.decision !== '')
    return `${where}: ${latest.decision}${latest.decidedAt ? ` on ${latest.decidedAt}` : ''}`;
  const day = `open, day ${latest.handlingDay} of the ${found.targetDays}-day handling target`;
  return `${where}: ${latest.overdue ? `${day} (overdue)` : day}`;
}

/** One box for all the case's reversals: the warning once, then each with its grounds. */
function reversalsBox(found: FoundCaseComplaints): HTMLElement {
  const box = document.createElement('div');
  box.className = 'complaint-reversal';
  box.setAttribute('role', 'note');
  const one = found.reversals.length === 1;
  box.append(
    line(
      'reversal-warning',
      strong(one ? 'Reversed on complaint' : `Reversed on ${found.reversals.length} complaints`),
      ': the earlier enforcement was a misjudgement. Think twice.',
    ),
  );
  for (const r of found.reversals) {
    const entry = line(
      'reversal',
      `${r.complaintId || 'A complaint'}, ${r.decision}${r.decidedAt ? ` ${r.decidedAt}` : ''}`,
    );
    if (r.grounds !== '') {
      const grounds = document.createElement('q');
      grounds.textContent = r.grounds;
      entry.append(': ', grounds);
    }
    box.append(entry);
  }
  return box;
}

/** The block shown under one found case (nothing is shown for a case without complaints). */
export function foundCaseComplaints(found: FoundCaseComplaints): HTMLElement {
  const block = document.createElement('div');
  block.className = 'found-complaints';
  const count = found.count === 1 ? '1 complaint' : `${found.count} complaints`;
  const latest = line('complaint-latest', strong(count), ` · ${latestText(found)}`);
  if (found.latest?.overdue) latest.classList.add('late');
  block.append(latest);
  if (found.reversals.length > 0) block.append(reversalsBox(found));
  for (const d of found.openDisputes) {
    const clock = `day ${d.clockDay} of ${d.clockDays}, due ${d.dueAt}`;
    const dispute = line(
      'complaint-dispute',
      strong(`Open dispute${d.disputeId ? ` ${d.disputeId}` : ''}`),
      ` · ${d.body || 'body not named'} · ${d.late ? `late (${clock})` : clock}`,
    );
    if (d.late) dispute.classList.add('late');
    block.append(dispute);
  }
  return block;
}
