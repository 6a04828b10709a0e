/**
 * The playground window: wires the grid, the window chrome and the inspector to the server, and redraws
 * after every operation, or when the server's revision moves (a sidebar's google.script.run call changed
 * the sheet).
 */
import { api, type State } from './api';
import { Chrome } from './chrome';
import { wireCsvImport } from './csv-import';
import { byId } from './dom';
import { Grid } from './grid';
import { Inspector } from './inspector';

const POLL_MS = 1500;
let state: State | null = null;
let activeTab = '';

const chrome = new Chrome({
  afterOperation: () => refresh(),
  showTab: (name) => void showTab(name),
  goToRange: (sheetId, range) => {
    const tab = state?.tabs.find((t) => t.sheetId === sheetId);
    if (tab) void showTab(tab.name).then(() => grid.goTo(range));
  },
  error: (message, title) => chrome.alert(title ?? 'Error', message),
});
const grid = new Grid(byId('grid'), {
  error: (message, title) => chrome.alert(title ?? 'Error', message),
  changed: () => void refresh(),
  columnMenu: (column, x, y) => chrome.columnMenu(activeTab, column, x, y),
  selected: (ref, cell) => {
    byId('cell-ref').textContent = ref;
    byId('cell-content').textContent = cell?.text ?? '';
  },
});
const inspector = new Inspector(
  () => refresh(),
  (message) => chrome.alert('Error', message),
);

/** The tab's filter views, and the one the acting person applied (applying one changes only their window). */
async function renderFilterViews(): Promise<void> {
  const select = byId<HTMLSelectElement>('filter-view-select');
  const { views, applied } = activeTab ? await api.filterViews(activeTab) : { views: [], applied: null };
  const none = document.createElement('option');
  none.value = '';
  none.textContent = views.length === 0 ? 'None saved' : 'None';
  const options = views.map((view) => {
    const option = document.createElement('option');
    option.value = String(view.filterViewId);
    option.textContent = `${view.title || 'Untitled'} (${view.range})`;
    return option;
  });
  select.replaceChildren(none, ...options);
  select.value = applied !== null && views.some((v) => v.filterViewId === applied) ? String(applied) : '';
  select.disabled = views.length === 0;
}

byId<HTMLSelectElement>('filter-view-select').addEventListener('change', async (event) => {
  const value = (event.target as HTMLSelectElement).value;
  await api
    .applyFilterView(activeTab, value === '' ? null : Number(value))
    .catch((error: Error) => chrome.alert('Error', error.message));
  await refresh();
});

async function showTab(name: string): Promise<void> {
  activeTab = name;
  if (state) chrome.render(state, activeTab);
  await grid.show(name);
  await renderFilterViews();
}

async function refresh(): Promise<void> {
  state = await api.state();
  if (!state.tabs.some((t) => t.name === activeTab)) {
    activeTab = state.tabs.find((t) => t.name === 'Cases')?.name ?? state.tabs[0]?.name ?? '';
    await grid.show(activeTab);
  } else await grid.refresh();
  chrome.render(state, activeTab);
  inspector.render(state);
  await renderFilterViews();
  document.body.dataset.ready = 'true';
}

wireCsvImport(chrome, async (tab) => {
  await refresh();
  await showTab(tab);
});

byId<HTMLSelectElement>('user-select').addEventListener('change', async (event) => {
  await api.user((event.target as HTMLSelectElement).value);
  chrome.closeSidebar();
  await refresh();
});

setInterval(async () => {
  const latest = await api.state().catch(() => null);
  if (latest && state && latest.revision !== state.revision) await refresh();
}, POLL_MS);

void (async () => {
  const first = await api.state();
  chrome.baseline(first);
  await refresh();
})();
