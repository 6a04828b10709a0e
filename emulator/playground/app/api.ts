/** The playground server's API, typed from the server modules (type imports only: nothing of Node is bundled). */
import type { FilterViewSummary } from '../filter-views';
import type { GridLayout, GridWindow } from '../grid-data';
import type { playgroundState } from '../server';

export type State = ReturnType<typeof playgroundState>;
export interface DialogAnswer {
  button: string;
  text?: string;
}
export interface PendingDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const value = (await response.json()) as T & { ok?: boolean; error?: string };
  if (!response.ok) throw new Error(value.error ?? `${path} failed (${response.status})`);
  return value;
}

const query = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

export const api = {
  state: () => request<State>('GET', '/api/state'),
  layout: (sheet: string) => request<GridLayout>('GET', `/api/layout?${query({ sheet })}`),
  rows: (sheet: string, rows: number[]) =>
    request<GridWindow>('GET', `/api/grid?${query({ sheet, rows: rows.join(',') })}`),
  values: (sheet: string, column: number) =>
    request<string[]>('GET', `/api/values?${query({ sheet, column })}`),
  menu: (caption: string, answers: DialogAnswer[] = []) =>
    request<{ ok: true } | { ok: false; dialog: PendingDialog }>('POST', '/api/menu', { caption, answers }),
  edit: (sheet: string, a1: string, values: string[][]) =>
    request<{ ok: boolean; refused?: string; warning?: string | null; triggerErrors?: string[] }>(
      'POST',
      '/api/edit',
      {
        sheet,
        a1,
        values,
      },
    ),
  select: (sheet: string, a1: string) => request<{ ok: true }>('POST', '/api/select', { sheet, a1 }),
  sort: (sheet: string, column: number, ascending: boolean) =>
    request<{ ok: true }>('POST', '/api/sort', { sheet, column, ascending }),
  filter: (sheet: string, column: number, visible: string[] | null) =>
    request<{ ok: true }>('POST', '/api/filter', { sheet, column, visible }),
  filterViews: (sheet: string) =>
    request<{ views: FilterViewSummary[]; applied: number | null }>(
      'GET',
      `/api/filter-views?${query({ sheet })}`,
    ),
  applyFilterView: (sheet: string, filterViewId: number | null) =>
    request<{ ok: true }>('POST', '/api/filter-view', { sheet, filterViewId }),
  importCsv: (name: string, csv: string) =>
    request<{ ok: true; value: { tab: string; rows: number; columns: number } }>('POST', '/api/csv', {
      name,
      csv,
    }),
  user: (email: string) => request<{ ok: true }>('POST', '/api/user', { email }),
  runTrigger: (uid: string) => request<{ ok: true }>('POST', '/api/trigger', { uid }),
  advanceClock: (minutes: number) =>
    request<{ ok: true; fired: string[] }>('POST', '/api/clock', { minutes }),
};
