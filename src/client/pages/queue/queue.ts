/**
 * The queue sidebar: the reviewer's queues with counts, the chosen queue's cases in order (each opens the
 * case sidebar in one click), Claim next, Skip with a reason, Release, bulk actions on the chosen cases,
 * the saved filter views and the SLA refresh. Text reaches the page only through textContent.
 */
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer, type ServerResult } from '../../rpc';

type View = ServerResult<'getQueues'>;

const states = { loading: byId('state-loading'), error: byId('state-error'), ready: byId('state-ready') };
const status = byId('status');
const refusedList = byId('refused');
const chosen = new Set<string>();
let current: View | null = null;
let queueId: string | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  return node;
}

function say(message: string, refused: { caseId: string; reason: string }[] = []): void {
  setText(status, message);
  refusedList.replaceChildren(...refused.map((r) => element('li', `${r.caseId}: ${r.reason}`)));
  // The outcome shows where it is announced, even when the person pressed a button further down.
  status.scrollIntoView({ block: 'nearest' });
}

function render(view: View): void {
  current = view;
  setText(
    byId('who'),
    `Signed in as ${view.reviewer}. Claims expire after ${view.claimExpiryHours} h without a change.`,
  );
  setText(byId('sla-as-of'), view.slaAsOf || 'never (automation is off)');
  // Redrawing replaces the buttons: a keyboard user keeps their place on the chosen queue.
  const hadFocus = byId('queues').contains(document.activeElement);
  byId('queues').replaceChildren(
    ...view.queues.map((q) => {
      const item = element('li');
      const button = element('button', `${q.title} (${q.count})`);
      button.type = 'button';
      button.setAttribute('aria-pressed', String(q.id === view.selected.id));
      button.addEventListener('click', () => {
        queueId = q.id;
        chosen.clear();
        void load();
      });
      item.append(button);
      return item;
    }),
  );
  if (hadFocus) byId('queues').querySelector<HTMLButtonElement>('button[aria-pressed="true"]')?.focus();
  setText(
    byId('selected-title'),
    `${view.selected.title}: ${view.selected.rows.length + view.selected.more} cases`,
  );
  byId('rows').replaceChildren(
    ...view.selected.rows.map((row) => {
      const tr = element('tr');
      const pick = element('input');
      pick.type = 'checkbox';
      pick.checked = chosen.has(row.caseId);
      pick.setAttribute('aria-label', `Choose ${row.caseId}`);
      pick.addEventListener('change', () =>
        pick.checked ? chosen.add(row.caseId) : chosen.delete(row.caseId),
      );
      const open = element('button', row.caseId);
      open.type = 'button';
      open.title = `Open ${row.caseId} in the case sidebar`;
      open.addEventListener('click', () => void openCase(row.caseId));
      const who = row.claimedBy
        ? `claimed by ${row.claimedBy}`
        : row.owner
          ? `owner ${row.owner}`
          : 'unassigned';
      const details = element('td');
      details.append(
        element('div', `${row.policy} · ${row.market}`),
        element('div', `${row.slaStatus || 'no SLA'}${row.due ? `, due ${row.due}` : ''}`),
        element('div', who),
      );
      const cells = [element('td'), element('td'), element('td', row.severity), details];
      cells[0]?.append(pick);
      cells[1]?.append(open);
      tr.append(...cells);
      return tr;
    }),
  );
  setText(
    byId('more'),
    view.selected.more > 0 ? `${view.selected.more} more not shown: claim or filter to reach them.` : '',
  );
  byId('views').replaceChildren(
    ...view.views.map((v) => {
      const item = element('li');
      const link = element('a', v.title);
      link.href = v.url;
      link.target = '_blank';
      link.rel = 'noopener';
      item.append(link);
      return item;
    }),
  );
}

async function load(): Promise<void> {
  showState(states, current ? 'ready' : 'loading');
  try {
    const view = await whilePending(byId<HTMLButtonElement>('refresh'), () =>
      callServer('getQueues', queueId === undefined ? {} : { queueId }),
    );
    render(view);
    showState(states, 'ready');
  } catch (error) {
    setText(byId('error-message'), `Could not load the queues: ${(error as Error).message}`);
    showState(states, 'error');
  }
}

async function openCase(caseId: string): Promise<void> {
  try {
    await callServer('openQueueCase', { caseId });
    say(`Opened ${caseId} in the case sidebar.`);
  } catch (error) {
    say((error as Error).message);
  }
}

async function act(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  try {
    await whilePending(button, work);
  } catch (error) {
    say((error as Error).message);
  }
}

const claimButton = byId<HTMLButtonElement>('claim-next');
claimButton.addEventListener(
  'click',
  () =>
    void act(claimButton, async () => {
      const result = await callServer('claimNext', { queueId: current?.selected.id ?? 'unassigned' });
      if (!result.claimed) return say(result.message);
      say(`You claimed ${result.case.caseId} (${result.case.severity}, ${result.case.policy}).`);
      await callServer('openQueueCase', { caseId: result.case.caseId });
      await load();
    }),
);

const skipButton = byId<HTMLButtonElement>('skip');
skipButton.addEventListener(
  'click',
  () =>
    void act(skipButton, async () => {
      const result = await callServer('skipCase', {
        caseId: byId<HTMLInputElement>('skip-case').value,
        reason: byId<HTMLInputElement>('skip-reason').value,
      });
      say(result.message);
      await load();
    }),
);

const releaseButton = byId<HTMLButtonElement>('release');
releaseButton.addEventListener(
  'click',
  () =>
    void act(releaseButton, async () => {
      const result = await callServer('releaseCase', { caseId: byId<HTMLInputElement>('skip-case').value });
      say(result.message);
      await load();
    }),
);

const bulkButton = byId<HTMLButtonElement>('bulk-apply');
bulkButton.addEventListener(
  'click',
  () =>
    void act(bulkButton, async () => {
      if (chosen.size === 0) return say('Choose cases first with their check boxes.');
      const kind = byId<HTMLSelectElement>('bulk-kind').value;
      const value = byId<HTMLInputElement>('bulk-value').value;
      const key = { assign: 'owner', status: 'status', team: 'team', tag: 'tag' }[kind] ?? 'owner';
      const result = await callServer('runBulkAction', {
        caseIds: [...chosen],
        action: { kind, [key]: value },
      });
      say(
        `${result.changed.length} changed, ${result.unchanged.length} already so, ${result.refused.length} refused.`,
        result.refused,
      );
      chosen.clear();
      await load();
    }),
);

const selectionButton = byId<HTMLButtonElement>('bulk-selection');
selectionButton.addEventListener(
  'click',
  () =>
    void act(selectionButton, async () => {
      const { caseIds } = await callServer('getSelectedCaseIds');
      for (const id of caseIds) chosen.add(id);
      say(`${caseIds.length} cases chosen from the selected rows (${chosen.size} chosen in all).`);
      if (current) render(current);
    }),
);

const slaButton = byId<HTMLButtonElement>('refresh-sla');
slaButton.addEventListener(
  'click',
  () =>
    void act(slaButton, async () => {
      const ids = current?.selected.rows.map((r) => r.caseId) ?? [];
      if (ids.length === 0) return say('No rows in view.');
      const result = await callServer('refreshQueueSla', { caseIds: ids });
      await load();
      say(`SLA brought up to date for ${result.refreshed} rows at ${result.at}.`);
    }),
);

byId('refresh').addEventListener('click', () => void load());
byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
