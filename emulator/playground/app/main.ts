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

async function showTab(name: string): Promise<void> {
  activeTab = name;
  if (state) chrome.render(state, activeTab);
  await grid.show(name);
}

async function refresh(): Promise<void> {
  state = await api.state();
  if (!state.tabs.some((t) => t.name === activeTab)) {
    activeTab = state.tabs.find((t) => t.name === 'Cases')?.name ?? state.tabs[0]?.name ?? '';
    await grid.show(activeTab);
  } else await grid.refresh();
  chrome.render(state, activeTab);
  inspector.render(state);
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
