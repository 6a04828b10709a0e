/** The About sidebar: asks the server who and where we are, and shows it. */
import { HIGHLIGHTS } from '../../../core/tracker/formats';
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer } from '../../rpc';

const states = { loading: byId('state-loading'), error: byId('state-error'), ready: byId('state-ready') };
const refresh = byId<HTMLButtonElement>('refresh');

async function load(): Promise<void> {
  showState(states, 'loading');
  try {
    const info = await whilePending(refresh, () => callServer('getAboutInfo'));
    setText(byId('about-version'), info.version);
    setText(byId('about-spreadsheet'), info.spreadsheetName);
    setText(byId('about-user'), info.userLine);
    setText(byId('about-automation'), info.automation);
    setText(byId('about-cells'), info.cells);
    showState(states, 'ready');
  } catch (error) {
    setText(byId('error-message'), `Could not load Casebook's details: ${(error as Error).message}`);
    showState(states, 'error');
  }
}

/** The legend of every colour Casebook sets (core/tracker/formats.ts), with what each means. */
function renderLegend(): void {
  byId('legend').replaceChildren(
    ...HIGHLIGHTS.map((highlight) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = highlight.background;
      swatch.textContent = highlight.label;
      const meaning = document.createElement('span');
      meaning.className = 'meaning';
      meaning.textContent = highlight.meaning;
      item.append(swatch, meaning);
      return item;
    }),
  );
}

renderLegend();
refresh.addEventListener('click', () => void load());
byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
