/**
 * The complaints (Art. 20 DSA) and out-of-court disputes (Art. 21) of each case the New case form's
 * duplicate check found, in short under the case in the warning: how many, where the latest stands, every
 * reversal flagged (the earlier enforcement was a misjudgement: think twice before acting again) and each
 * dispute still open with its body and clock. Built with the DOM API and textContent only: register cells
 * are data, never markup.
 */
import type { FoundCaseComplaints } from '../server/duplicate-complaints';

function line(className: string, ...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.append(...parts);
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
  return latest.overdue
    ? `${where}: open, day ${latest.handlingDay} of the ${found.targetDays}-day handling target (overdue)`
    : `${where}: open, day ${latest.handlingDay} of the ${found.targetDays}-day handling target`;
}

/** The block shown under one found case (nothing is shown for a case without complaints). */
export function foundCaseComplaints(found: FoundCaseComplaints): HTMLElement {
  const block = document.createElement('div');
  block.className = 'found-complaints';
  const count = found.count === 1 ? '1 complaint' : `${found.count} complaints`;
  const latest = line('complaint-latest', strong(count), ` · ${latestText(found)}`);
  if (found.latest?.overdue) latest.classList.add('late');
  block.append(latest);
  for (const r of found.reversals) {
    const reversal = line(
      'complaint-reversal',
      strong(`${r.decision} on complaint${r.complaintId ? ` ${r.complaintId}` : ''}`),
      r.decidedAt ? ` (${r.decidedAt})` : '',
      ': the earlier enforcement was a misjudgement. Think twice before acting again.',
    );
    reversal.setAttribute('role', 'note');
    if (r.grounds !== '') {
      const grounds = document.createElement('q');
      grounds.textContent = r.grounds;
      reversal.append(' Grounds: ', grounds);
    }
    block.append(reversal);
  }
  for (const d of found.openDisputes) {
    const clock = `day ${d.clockDay} of ${d.clockDays}, due by the end of ${d.dueAt}`;
    const dispute = line(
      'complaint-dispute',
      strong(`Open dispute${d.disputeId ? ` ${d.disputeId}` : ''}`),
      ` with ${d.body || 'an unnamed body'}: ${d.late ? `late (${clock})` : clock}`,
    );
    if (d.late) dispute.classList.add('late');
    block.append(dispute);
  }
  return block;
}
