/**
 * The playground's own panel: the service-call ledger of the last operation with its modelled Apps Script
 * time, installed triggers with "Run now" and a clock that moves forward, the mail Casebook sent, and the
 * Docs it generated.
 */
import { api, type State } from './api';
import { byId, el } from './dom';

/** "every hour", "every 15 min", "every 2 days"; a one-off trigger has no interval. */
function every(ms: number | null): string {
  if (ms === null) return 'once';
  const minutes = Math.round(ms / 60_000);
  if (minutes % 1440 === 0) return minutes === 1440 ? 'every day' : `every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return `every ${minutes} min`;
}

export class Inspector {
  constructor(
    private readonly afterOperation: () => Promise<void>,
    private readonly error: (m: string) => void,
  ) {
    for (const tab of document.querySelectorAll<HTMLButtonElement>('.inspector-tabs [role="tab"]')) {
      tab.addEventListener('click', () => {
        for (const other of document.querySelectorAll<HTMLButtonElement>('.inspector-tabs [role="tab"]')) {
          const selected = other === tab;
          other.setAttribute('aria-selected', String(selected));
          byId(`panel-${other.dataset.panel}`).hidden = !selected;
        }
      });
    }
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.error((e as Error).message);
    }
    await this.afterOperation();
  }

  render(state: State): void {
    this.renderLedger(state);
    this.renderTriggers(state);
    this.renderMail(state);
    this.renderDocs(state);
  }

  private renderLedger(state: State): void {
    const last = state.lastOperation;
    const panel = byId('panel-ledger');
    if (!last) {
      panel.replaceChildren(el('p', {}, 'Nothing has run yet.'));
      return;
    }
    const rows = Object.entries(last.byMember)
      .sort((a, b) => b[1] - a[1])
      .map(([member, count]) =>
        el('tr', {}, el('td', {}, member), el('td', { class: 'num' }, String(count))),
      );
    panel.replaceChildren(
      el('p', {}, last.label),
      el('p', {}, el('span', { class: 'big', id: 'ledger-calls' }, String(last.calls)), ' service calls'),
      el('p', {}, 'Modelled Apps Script time: ', el('strong', { id: 'ledger-ms' }, `${last.modelledMs} ms`)),
      ...(last.error ? [el('p', { class: 'error' }, last.error)] : []),
      el('h3', {}, 'Calls by member'),
      el('table', {}, el('tbody', {}, ...rows)),
    );
  }

  private renderTriggers(state: State): void {
    const forward = (label: string, minutes: number) => {
      const button = el('button', { type: 'button' }, label);
      button.addEventListener('click', () => void this.act(() => api.advanceClock(minutes)));
      return button;
    };
    const at = (ms: number) =>
      new Date(ms).toLocaleString('en-GB', {
        timeZone: state.tracker.timeZone,
        dateStyle: 'short',
        timeStyle: 'short',
      });
    const triggers = state.triggers.map((t) => {
      const when =
        t.eventType === 'CLOCK'
          ? [every(t.clock?.everyMs ?? null), t.nextRunMs === null ? '' : `next ${at(t.nextRunMs)}`]
          : ['when anyone edits'];
      const item = el(
        'li',
        { 'data-handler': t.handlerFunction },
        el('strong', {}, t.handlerFunction),
        ` · ${t.eventType}`,
        el('br'),
        [...when.filter((part) => part !== ''), `owner ${t.owner}`].join(' · '),
      );
      // Only time-driven triggers can be run on demand; edit triggers fire when someone edits.
      if (t.eventType === 'CLOCK') {
        const run = el('button', { type: 'button' }, 'Run now');
        run.addEventListener('click', () => void this.act(() => api.runTrigger(t.uid)));
        item.append(el('br'), run);
      }
      return item;
    });
    byId('panel-triggers').replaceChildren(
      el('h3', {}, 'Clock'),
      el(
        'p',
        { id: 'clock' },
        new Date(state.clock).toLocaleString('en-GB', { timeZone: state.tracker.timeZone }),
        ` (${state.tracker.timeZone})`,
      ),
      el('div', {}, forward('+1 hour', 60), forward('+1 day', 1440), forward('+1 week', 10080)),
      el('h3', {}, 'Installed triggers'),
      triggers.length > 0 ? el('ul', {}, ...triggers) : el('p', {}, 'None installed.'),
    );
  }

  private renderMail(state: State): void {
    const items = state.mail.map((mail) => {
      const sent = new Date(mail.sentMs).toLocaleString('en-GB', {
        timeZone: state.tracker.timeZone,
        dateStyle: 'short',
        timeStyle: 'short',
      });
      const details = el(
        'details',
        {},
        el('summary', {}, `${mail.subject} → ${mail.to}`),
        el('div', { class: 'mail-meta' }, `From ${mail.from} · ${sent}`),
        el('div', { class: 'mail-body' }, mail.body),
      );
      return el('li', {}, details);
    });
    byId('panel-mail').replaceChildren(
      items.length > 0 ? el('ul', {}, ...items) : el('p', {}, 'No mail sent.'),
    );
  }

  private renderDocs(state: State): void {
    const items = state.documents.map((doc) =>
      el(
        'li',
        {},
        el('a', { href: `/doc/${encodeURIComponent(doc.id)}`, target: '_blank', rel: 'noopener' }, doc.name),
      ),
    );
    byId('panel-docs').replaceChildren(
      items.length > 0 ? el('ul', {}, ...items) : el('p', {}, 'No documents generated yet.'),
    );
  }
}
