/**
 * The playground's HTTP API: loopback only, JSON in and out, and closed to other sites open in the same
 * browser (they cannot send JSON without a preflight this server never grants, and their Origin is refused).
 */
import { newStateDir, type RunningPlayground, startPlayground } from '../support/playground';

jest.setTimeout(60_000);
let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground(newStateDir(), 6);
});
afterAll(async () => {
  await playground.stop();
});

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${playground.url}${path}`, { method: 'POST', body, headers });

test('answers on 127.0.0.1 with the window and its state', async () => {
  expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const state = (await (await fetch(`${playground.url}api/state`)).json()) as { tabs: { name: string }[] };
  expect(state.tabs.map((t) => t.name)).toContain('Cases');
});

test('a form post or a request from another origin is refused and changes nothing', async () => {
  const before = (await (await fetch(`${playground.url}api/state`)).json()) as { revision: number };
  const plain = await post('api/user', JSON.stringify({ email: 'lead@governance.example' }), {
    'content-type': 'text/plain',
  });
  expect(plain.status).toBe(415);
  const foreign = await post('api/user', JSON.stringify({ email: 'lead@governance.example' }), {
    'content-type': 'application/json',
    origin: 'https://evil.example',
  });
  expect(foreign.status).toBe(403);
  const after = (await (await fetch(`${playground.url}api/state`)).json()) as {
    revision: number;
    user: string;
  };
  expect(after).toMatchObject({ revision: before.revision, user: 'ana.ops@governance.example' });
});

test('bad requests get a clear error', async () => {
  const json = { 'content-type': 'application/json' };
  expect(await (await post('api/edit', '{"sheet":"Cases","a1":"A1","values":[[1]]}', json)).json()).toEqual({
    ok: false,
    error: 'values must be rows of text',
  });
  expect((await post('api/menu', '{not json', json)).status).toBe(400);
  expect((await fetch(`${playground.url}api/nothing`)).status).toBe(404);
  expect((await fetch(`${playground.url}page/999`)).status).toBe(404);
});
