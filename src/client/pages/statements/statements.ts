/**
 * The statements-of-reasons sidebar: choose cases (all not yet sent, the selected rows, or a week), preview
 * which are ready and why the others are not (each case linked to its row, with the personal data its
 * statement leaves out), then export the chosen ones as files or submit them to the Database when this
 * user is connected; refusals are listed per case after a submit. Text reaches the page only through
 * textContent.
 */
import { rowAnchor } from '../../case-fields';
import { byId, setText, showState } from '../../dom';
import { callServer, type ServerResult } from '../../rpc';

type Preview = ServerResult<'previewStatements'>;
type Choice = { caseIds: string[] } | { createdFrom: string; createdTo: string } | Record<string, never>;

const states = { loading: byId('state-loading'), error: byId('state-error'), ready: byId('state-ready') };
const status = byId('status');
const weekSelect = byId<HTMLSelectElement>('week');
const previewButton = byId<HTMLButtonElement>('preview');
const exportButton = byId<HTMLButtonElement>('export');
const submitButton = byId<HTMLButtonElement>('submit');
const WEEKS_OFFERED = 12;
const DAY_MS = 86_400_000;
let connectedTo = '';
/** The choice the preview on screen was made for: Export and Submit act on exactly it. */
let previewed: { choice: Choice; preview: Preview } | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  return node;
}

/** An error as a sentence the person can act on. */
function sentence(prefix: string, error: unknown): string {
  const message = (error as Error).message.trim();
  return `${prefix}: ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
}

function say(message: string): void {
  setText(status, message);
  status.scrollIntoView({ block: 'nearest' });
}

/** Monday to Sunday weeks up to the one holding `today`, newest first, as YYYY-MM-DD days. */
function weeksUpTo(today: string): { from: string; to: string; label: string }[] {
  const day = Date.parse(`${today}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const short = (ms: number) =>
    new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return Array.from({ length: WEEKS_OFFERED }, (_, i) => {
    const start = monday - i * 7 * DAY_MS;
    const end = start + 6 * DAY_MS;
    const label = `${short(start)} – ${short(end)} ${new Date(end).getUTCFullYear()}${i === 0 ? ' (this week)' : ''}`;
    return { from: iso(start), to: iso(end), label };
  });
}

function chosenKind(): string {
  return document.querySelector<HTMLInputElement>('input[name="choice"]:checked')?.value ?? 'all';
}

async function currentChoice(): Promise<Choice> {
  const kind = chosenKind();
  if (kind === 'selected') {
    const { caseIds } = await callServer('getSelectedCaseIds');
    if (caseIds.length === 0)
      throw new Error('The selected rows hold no case ID. Select case rows on the Cases tab');
    return { caseIds };
  }
  if (kind === 'week') {
    const [from, to] = weekSelect.value.split('/');
    if (!from || !to) throw new Error('Choose a week first');
    return { createdFrom: from, createdTo: to };
  }
  return {};
}

/** Disables every action while one runs, and marks the page busy for assistive technology. */
async function busy<T>(work: () => Promise<T>): Promise<T> {
  for (const b of [previewButton, exportButton, submitButton]) b.disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    refreshButtons();
    document.body.removeAttribute('aria-busy');
  }
}

/** Export and Submit act on a preview with something ready; Submit only for a connected user. */
function refreshButtons(): void {
  const ready = previewed ? previewed.preview.ready.length : 0;
  previewButton.disabled = false;
  exportButton.disabled = ready === 0;
  submitButton.hidden = connectedTo === '';
  submitButton.disabled = ready === 0;
}

/** A case named in a list: its ID linking to its row (plain text when the row is unknown). */
function caseItem(preview: Preview, caseId: string): HTMLLIElement {
  const item = element('li');
  const url = preview.rowLinks[caseId];
  item.append(url ? rowAnchor(url, caseId) : element('strong', caseId));
  return item;
}

function reasonList(reasons: readonly string[]): HTMLUListElement {
  const list = element('ul');
  list.className = 'reasons';
  list.append(...reasons.map((reason) => element('li', reason)));
  return list;
}

function renderPreview(preview: Preview): void {
  const readyCount = preview.ready.length;
  const refused = new Set(preview.refusedBefore);
  setText(byId('ready-title'), `Ready (${readyCount})`);
  byId('ready').replaceChildren(
    ...preview.ready.map((r) => {
      const item = caseItem(preview, r.caseId);
      const removed = element(
        'span',
        r.removed ? `Personal data removed: ${r.removed}` : 'No personal data found to remove.',
      );
      removed.className = 'removed';
      item.append(removed);
      if (refused.has(r.caseId)) {
        const note = element(
          'span',
          'Refused by the Database before. Fix the case and export it again: Submit skips it until then.',
        );
        note.className = 'removed error';
        item.append(note);
      }
      return item;
    }),
  );
  setText(byId('not-ready-title'), `Not ready (${preview.notReady.length})`);
  byId('not-ready').replaceChildren(
    ...preview.notReady.map((r) => {
      const item = caseItem(preview, r.caseId);
      item.append(reasonList(r.reasons));
      return item;
    }),
  );
  setText(byId('not-needed-title'), `Not needed (${preview.notNeeded.length})`);
  byId('not-needed-group').hidden = preview.notNeeded.length === 0;
  byId('not-needed').replaceChildren(
    ...preview.notNeeded.map((r) => {
      const item = caseItem(preview, r.caseId);
      item.append(element('span', ` · ${r.reasons.join('; ')}`));
      return item;
    }),
  );
  setText(
    byId('already-sent'),
    preview.alreadySent.length === 0
      ? ''
      : `Already sent, not sent again: ${preview.alreadySent.join(', ')}.`,
  );
  setText(
    byId('untrusted'),
    preview.untrusted.length === 0
      ? ''
      : `Left out, their Casebook record does not verify: ${preview.untrusted.join(', ')}. The owner checks them, or runs Set up tracker to seal rows added by hand.`,
  );
  setText(
    byId('actions-help'),
    [
      readyCount === 0 ? 'Nothing to export or submit: fix the cases above, then preview again.' : '',
      connectedTo === ''
        ? 'Export saves JSON batches and a CSV to the report folder. To submit, connect first: Extensions > Casebook > Connect Transparency Database.'
        : `Submit sends the ready statements to ${connectedTo}.`,
    ]
      .filter(Boolean)
      .join(' '),
  );
  byId('result').hidden = false;
}

async function runPreview(choice?: Choice): Promise<void> {
  const wanted = choice ?? (await currentChoice());
  const preview = await callServer('previewStatements', wanted);
  previewed = { choice: wanted, preview };
  renderPreview(preview);
}

function renderRefusals(
  refusals: readonly { caseId: string; reasons: string[] }[],
  links: Preview['rowLinks'],
) {
  byId('refusals-section').hidden = refusals.length === 0;
  byId('refusals').replaceChildren(
    ...refusals.map((r) => {
      const item = element('li');
      const url = links[r.caseId];
      item.append(url ? rowAnchor(url, r.caseId) : element('strong', r.caseId), reasonList(r.reasons));
      return item;
    }),
  );
}

previewButton.addEventListener('click', () => {
  void busy(async () => {
    say('Building the statements…');
    byId('refusals-section').hidden = true;
    try {
      await runPreview();
      const p = previewed?.preview;
      say(
        p ? `${p.ready.length} ready, ${p.notReady.length} not ready, ${p.notNeeded.length} not needed.` : '',
      );
    } catch (error) {
      byId('result').hidden = true;
      previewed = null;
      say(sentence('Could not preview', error));
    }
  });
});

exportButton.addEventListener('click', () => {
  if (!previewed) return;
  const { choice } = previewed;
  void busy(async () => {
    say('Exporting…');
    try {
      const { message, summary } = await callServer('exportStatements', choice);
      await runPreview(choice);
      say(`${message}${summary.files.length > 0 ? ` Files: ${summary.files.join(', ')}.` : ''}`);
    } catch (error) {
      say(sentence('Nothing was exported', error));
    }
  });
});

submitButton.addEventListener('click', () => {
  if (!previewed) return;
  const { choice, preview } = previewed;
  void busy(async () => {
    say(`Submitting to ${connectedTo}…`);
    try {
      const { message, summary } = await callServer('submitStatements', choice);
      // What was sent is no longer what the preview showed: preview again to see where the rest stand.
      previewed = null;
      byId('result').hidden = true;
      renderRefusals(summary.refusals, preview.rowLinks);
      say(`${message} Preview again to see what is left to send.`);
    } catch (error) {
      say(sentence('The submission did not run', error));
    }
  });
});

// A preview belongs to the choice it was made for: another choice needs its own preview.
for (const input of [weekSelect, ...document.querySelectorAll<HTMLInputElement>('input[name="choice"]')])
  input.addEventListener('change', () => {
    if (input === weekSelect) {
      const week = document.querySelector<HTMLInputElement>('input[name="choice"][value="week"]');
      if (week) week.checked = true;
    }
    previewed = null;
    byId('result').hidden = true;
    byId('refusals-section').hidden = true;
    say('');
  });

async function load(): Promise<void> {
  try {
    const context = await callServer('getStatementsContext');
    connectedTo = context.connectedTo;
    setText(
      byId('connection'),
      connectedTo
        ? `Connected to the Transparency Database at ${connectedTo}.`
        : 'Not connected to the Transparency Database: you can preview and export.',
    );
    weekSelect.replaceChildren(
      ...weeksUpTo(context.today).map((w) => {
        const option = element('option', w.label);
        option.value = `${w.from}/${w.to}`;
        return option;
      }),
    );
    showState(states, 'ready');
  } catch (error) {
    setText(byId('error-message'), sentence('Could not open the statements of reasons', error));
    showState(states, 'error');
  }
}

byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
