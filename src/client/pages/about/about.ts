/** The About sidebar: asks the server who and where we are, and shows it. */
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

refresh.addEventListener('click', () => void load());
byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
