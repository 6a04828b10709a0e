/**
 * The window around the grid: the Extensions menu as onOpen built it for the acting user, the sheet tabs,
 * the sidebar and dialogs the add-on showed (its own built HTML in a frame, bridged to the emulator), alerts
 * as modal dialogs, toasts, and the column menu (sort and filter).
 */
import type { MenuItemRecord } from '../../workspace';
import { api, type DialogAnswer, type PendingDialog, type State } from './api';
import { byId, el } from './dom';

export interface ChromeEvents {
  afterOperation(): Promise<void>;
  showTab(name: string): void;
  /** A row link clicked in a sidebar or dialog: the tab with that sheet ID, the range selected. */
  goToRange(sheetId: number, range: string): void;
  error(message: string, title?: string): void;
}

/** Which sidebar, dialogs and toasts the window has already shown, so each appears once. */
export class Chrome {
  private seenShown = -1;
  private seenDialog = -1;
  private seenToast = -1;
  private sidebarIndex: number | null = null;
  private modalIndex: number | null = null;

  constructor(private readonly events: ChromeEvents) {
    const button = byId<HTMLButtonElement>('extensions-button');
    button.addEventListener('click', () => this.toggleMenu(byId('extensions-menu'), button));
    byId('sidebar-close').addEventListener('click', () => this.closeSidebar());
    const sidebarFrame = byId<HTMLIFrameElement>('sidebar-frame');
    sidebarFrame.addEventListener('load', () => this.followRowLinks(sidebarFrame));
    byId('modal-close').addEventListener('click', () => this.closeModal());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.hideMenus();
        if (!byId('modal').hidden) this.closeModal();
      }
    });
    document.addEventListener('mousedown', (event) => {
      const target = event.target as HTMLElement;
      if (
        !target.closest('.dropdown') &&
        !target.closest('#extensions-button') &&
        !target.closest('[data-colhead]')
      )
        this.hideMenus();
    });
    window.addEventListener('message', (event) => {
      if (event.origin !== location.origin) return;
      const host = (event.data as { casebookHost?: { action: string; detail: string; index: number } })
        .casebookHost;
      if (!host) return;
      if (host.action === 'close') {
        if (host.index === this.sidebarIndex) this.closeSidebar();
        if (host.index === this.modalIndex) this.closeModal();
      }
      void this.events.afterOperation();
    });
  }

  /**
   * Opening the window: nothing shown before it opened is shown again, to this user or to one switched to
   * later (the owner's "Tracker ready" toast from seeding the demo weeks ago is not news).
   */
  baseline(state: State): void {
    this.seenShown = state.uiCounts.shown - 1;
    this.seenDialog = state.uiCounts.dialogs - 1;
    this.seenToast = state.uiCounts.toasts - 1;
  }

  hideMenus(): void {
    for (const id of ['extensions-menu', 'column-menu']) byId(id).hidden = true;
    byId('extensions-button').setAttribute('aria-expanded', 'false');
  }

  private toggleMenu(menu: HTMLElement, button: HTMLElement): void {
    const open = menu.hidden;
    this.hideMenus();
    if (!open) return;
    const rect = button.getBoundingClientRect();
    Object.assign(menu.style, { left: `${rect.left}px`, top: `${rect.bottom + 2}px` });
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private menuItems(items: MenuItemRecord[]): HTMLElement[] {
    return items.map((item) => {
      if (item.kind === 'separator') return el('hr');
      const button = el('button', { type: 'button', role: 'menuitem' }, item.caption ?? '');
      button.addEventListener('click', () => {
        this.hideMenus();
        void this.operation(() => this.runMenuItem(item.caption ?? '', []));
      });
      return button;
    });
  }

  /** Runs a menu item; when it shows an alert or prompt, asks here and runs it again with the answers so far. */
  private async runMenuItem(caption: string, answers: DialogAnswer[]): Promise<void> {
    const reply = await api.menu(caption, answers);
    if (reply.ok) return;
    const answer = await this.askDialog(reply.dialog);
    await this.runMenuItem(caption, [...answers, answer]);
    await this.events.afterOperation();
  }

  private askDialog(dialog: PendingDialog): Promise<DialogAnswer> {
    const buttons: Record<string, string[]> = {
      OK: ['OK'],
      OK_CANCEL: ['OK', 'CANCEL'],
      YES_NO: ['YES', 'NO'],
      YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
    };
    return new Promise((resolve) => {
      const input = el('input', { type: 'text', id: 'dialog-answer', 'aria-label': dialog.prompt });
      const choices = (buttons[dialog.buttons] ?? ['OK']).map((name, i) => {
        const button = el(
          'button',
          { type: 'button', class: i === 0 ? 'primary' : '' },
          name.charAt(0) + name.slice(1).toLowerCase(),
        );
        button.addEventListener('click', () => {
          this.closeModal();
          resolve({ button: name, text: input.value });
        });
        return button;
      });
      this.openModal(
        dialog.title || 'Casebook',
        el('p', { class: 'alert-text' }, dialog.prompt),
        ...(dialog.kind === 'prompt' ? [input] : []),
        el('div', {}, ...choices),
      );
      (dialog.kind === 'prompt' ? input : choices[0])?.focus();
    });
  }

  private async operation(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.events.error((error as Error).message, 'Apps Script error');
    }
    await this.events.afterOperation();
  }

  render(state: State, activeTab: string): void {
    byId('doc-title').textContent = state.tracker.name;
    document.title = `${state.tracker.name} - Casebook playground`;
    const users = byId<HTMLSelectElement>('user-select');
    if (users.options.length !== state.people.length) {
      users.replaceChildren(
        ...state.people.map((p) => el('option', { value: p.email }, `${p.name} · ${p.email}`)),
      );
    }
    users.value = state.user;

    const menu = byId('extensions-menu');
    menu.replaceChildren(
      ...(state.menu.length === 0
        ? [el('div', { class: 'menu-title' }, 'No add-on menu: onOpen has not built one for this user')]
        : state.menu.flatMap((m) => [
            el('div', { class: 'menu-title' }, m.caption),
            ...this.menuItems(m.items),
          ])),
    );

    const tabs = byId('tabs');
    tabs.replaceChildren(
      ...state.tabs.map((tab) => {
        const button = el(
          'button',
          { type: 'button', role: 'tab', 'aria-selected': String(tab.name === activeTab) },
          tab.name,
        );
        button.addEventListener('click', () => this.events.showTab(tab.name));
        return button;
      }),
    );
    this.showNew(state);
  }

  private showNew(state: State): void {
    for (const shown of state.shown.filter((s) => s.index > this.seenShown)) {
      if (shown.kind === 'sidebar') this.openSidebar(shown.index, shown.title);
      else this.openModalPage(shown.index, shown.title, shown.width ?? 600, shown.height ?? 420);
      this.seenShown = shown.index;
    }
    // Dialogs were answered in place when they came up (see runMenuItem); they are not shown again.
    this.seenDialog = Math.max(this.seenDialog, ...state.dialogs.map((d) => d.index));
    for (const toast of state.toasts.filter((t) => t.index > this.seenToast)) {
      this.toast(toast.title, toast.message);
      this.seenToast = toast.index;
    }
  }

  private openSidebar(index: number, title: string): void {
    this.sidebarIndex = index;
    byId('sidebar-title').textContent = title;
    byId<HTMLIFrameElement>('sidebar-frame').src = `/page/${index}`;
    byId('sidebar').hidden = false;
  }

  /**
   * Casebook's row links (the tracker's URL with #gid=...&range=..., target _top) select the row in this
   * window, as Sheets does when the sidebar navigates it; the playground cannot load Google's URL.
   */
  private followRowLinks(frame: HTMLIFrameElement): void {
    const page = frame.contentDocument;
    if (!page) return;
    page.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.(
        'a[href*="#gid="]',
      ) as HTMLAnchorElement | null;
      const match = link && /#gid=(\d+)&range=([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)/.exec(link.href);
      if (!match) return;
      event.preventDefault();
      this.events.goToRange(Number(match[1]), match[2] as string);
    });
  }

  closeSidebar(): void {
    this.sidebarIndex = null;
    byId('sidebar').hidden = true;
    byId<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
  }

  openModal(title: string, ...content: Node[]): void {
    byId('modal-title').textContent = title;
    byId('modal-body').replaceChildren(...content);
    byId('modal').hidden = false;
    byId<HTMLButtonElement>('modal-close').focus();
  }

  private openModalPage(index: number, title: string, width: number, height: number): void {
    this.modalIndex = index;
    const frame = el('iframe', { src: `/page/${index}`, title }) as HTMLIFrameElement;
    frame.addEventListener('load', () => this.followRowLinks(frame));
    Object.assign(frame.style, { width: `${width}px`, height: `${height}px` });
    this.openModal(title, frame);
  }

  closeModal(): void {
    this.modalIndex = null;
    byId('modal').hidden = true;
    byId('modal-body').replaceChildren();
  }

  alert(title: string, message: string): void {
    const ok = el('button', { type: 'button', class: 'primary' }, 'OK');
    ok.addEventListener('click', () => this.closeModal());
    this.openModal(title, el('p', { class: 'alert-text' }, message), ok);
    ok.focus();
  }

  private toast(title: string, message: string): void {
    const toast = el('div', { class: 'toast', role: 'status' }, el('strong', {}, title), message);
    byId('toasts').append(toast);
    setTimeout(() => toast.remove(), 6000);
  }

  columnMenu(sheet: string, column: number, x: number, y: number): void {
    const menu = byId('column-menu');
    const item = (label: string, work: () => Promise<unknown>) => {
      const button = el('button', { type: 'button', role: 'menuitem' }, label);
      button.addEventListener('click', () => {
        this.hideMenus();
        void this.operation(work);
      });
      return button;
    };
    menu.replaceChildren(
      item('Sort sheet A → Z', () => api.sort(sheet, column, true)),
      item('Sort sheet Z → A', () => api.sort(sheet, column, false)),
      el('hr'),
      item('Filter by values…', () => this.filterDialog(sheet, column)),
      item('Clear filter', () => api.filter(sheet, column, null)),
    );
    this.hideMenus();
    Object.assign(menu.style, { left: `${x}px`, top: `${y}px` });
    menu.hidden = false;
    menu.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private async filterDialog(sheet: string, column: number): Promise<void> {
    const values = await api.values(sheet, column);
    const boxes = values.map((value, i) => {
      const box = el('input', { type: 'checkbox', id: `filter-value-${i}` });
      box.checked = true;
      return {
        value,
        box,
        label: el('label', { for: `filter-value-${i}` }, box, ` ${value === '' ? '(Blanks)' : value}`),
      };
    });
    const apply = el('button', { type: 'button', class: 'primary' }, 'Filter');
    apply.addEventListener('click', () => {
      const visible = boxes.filter((b) => b.box.checked).map((b) => b.value);
      this.closeModal();
      void this.operation(() => api.filter(sheet, column, visible));
    });
    this.openModal('Filter by values', el('div', { class: 'values' }, ...boxes.map((b) => b.label)), apply);
  }
}
