/**
 * The sheet grid: a frozen header, then only the rows in view (a 20,000-row tab draws the same few dozen
 * rows as a small one, fetched from the server as the view moves). Cells are selected with the mouse or the
 * arrow keys; typing, Enter or a double click edits (a dropdown where the cell has a list rule), Delete
 * clears, and a pasted block of text is written as one edit, which fires onEdit as Sheets would.
 */
import type { GridCell, GridLayout, GridRow } from '../grid-data';
import { api } from './api';
import { a1, columnLetter, el } from './dom';

const ROW_HEIGHT = 24;
const ROW_NUMBER_WIDTH = 46;
const COLUMN_WIDTH = 120;
const OVERSCAN = 15;

interface Selection {
  row: number;
  column: number;
  endRow: number;
  endColumn: number;
}

export interface GridEvents {
  error(message: string, title?: string): void;
  changed(): void;
  columnMenu(column: number, x: number, y: number): void;
  selected(ref: string, cell: GridCell | undefined): void;
}

export class Grid {
  sheet = '';
  layout: GridLayout | null = null;
  private frozen: GridRow[] = [];
  private readonly cache = new Map<number, GridRow>();
  private readonly pending = new Set<number>();
  private selection: Selection = { row: 2, column: 1, endRow: 2, endColumn: 1 };
  private readonly head = el('div', { class: 'grid-head', role: 'rowgroup' });
  private readonly canvas = el('div', { class: 'grid-canvas', role: 'rowgroup' });
  private editor: HTMLInputElement | HTMLSelectElement | null = null;
  private pointer: { x: number; y: number } | null = null;
  private readonly notePopup = el('div', { class: 'note-popup', role: 'tooltip', id: 'note-popup' });
  private frame = 0;
  private generation = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GridEvents,
  ) {
    // A focusable ARIA grid: keyboard selection and editing happen here.
    container.setAttribute('role', 'grid');
    container.setAttribute('aria-label', 'Sheet grid');
    container.tabIndex = 0;
    container.append(this.head, this.canvas);
    container.addEventListener('scroll', () => this.schedule());
    container.addEventListener('mousedown', (event) => this.onMouseDown(event));
    container.addEventListener('dblclick', (event) => {
      if ((event.target as HTMLElement).closest('.cell[data-row]')) this.startEdit();
    });
    container.addEventListener('keydown', (event) => this.onKey(event));
    container.addEventListener('paste', (event) => this.onPaste(event));
    container.addEventListener('copy', (event) => this.onCopy(event));
    container.addEventListener('mousemove', (event) => {
      this.pointer = { x: event.clientX, y: event.clientY };
      this.showNote(event.target as HTMLElement);
    });
    container.addEventListener('mouseleave', () => {
      this.pointer = null;
      this.hideNote();
    });
    window.addEventListener('resize', () => this.schedule());
    this.notePopup.hidden = true;
    document.body.append(this.notePopup);
  }

  /** A cell's note in a box at its top right corner while the pointer is over it, as Sheets shows notes. */
  private showNote(target: Element | null): void {
    const cell = target?.closest<HTMLElement>('.cell.note');
    const note = cell?.dataset.note;
    if (!cell || !note) {
      this.hideNote();
      return;
    }
    const rect = cell.getBoundingClientRect();
    this.notePopup.textContent = note;
    this.notePopup.hidden = false;
    const width = this.notePopup.offsetWidth;
    // Beside the cell, or to its left when the window ends first.
    const left = rect.right + 4 + width > window.innerWidth ? rect.left - width - 4 : rect.right + 4;
    Object.assign(this.notePopup.style, { left: `${Math.max(4, left)}px`, top: `${rect.top}px` });
  }

  private hideNote(): void {
    this.notePopup.hidden = true;
  }

  async show(sheet: string): Promise<void> {
    this.sheet = sheet;
    this.container.scrollTop = 0;
    this.selection = { row: 2, column: 1, endRow: 2, endColumn: 1 };
    await this.refresh();
  }

  /** Re-reads the layout and every row (after anything that may have changed the sheet). */
  async refresh(): Promise<void> {
    if (!this.sheet) return;
    // Refreshes overlap (after an operation, and on the poll); only the newest may draw.
    const generation = ++this.generation;
    const sheet = this.sheet;
    const layout = await api.layout(sheet);
    const frozenRows = Array.from({ length: Math.max(1, layout.frozenRows) }, (_, i) => i + 1);
    const frozen = await api.rows(sheet, frozenRows);
    if (generation !== this.generation || sheet !== this.sheet) return;
    this.layout = layout;
    this.frozen = frozen.rows;
    this.cache.clear();
    this.render();
    this.announceSelection();
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.render());
  }

  private width(): number {
    return ROW_NUMBER_WIDTH + (this.layout?.columns ?? 0) * COLUMN_WIDTH;
  }

  private cellElement(row: number, column: number, cell: GridCell | undefined, frozen: boolean): HTMLElement {
    const classes = ['cell'];
    if (frozen) classes.push('frozen');
    if (cell?.bold) classes.push('bold');
    if (cell?.note) classes.push('note');
    if (cell?.options) classes.push('dropdown-cell');
    const s = this.selection;
    const top = Math.min(s.row, s.endRow);
    const bottom = Math.max(s.row, s.endRow);
    const left = Math.min(s.column, s.endColumn);
    const right = Math.max(s.column, s.endColumn);
    if (row === s.row && column === s.column) classes.push('selected');
    else if (row >= top && row <= bottom && column >= left && column <= right) classes.push('in-range');
    const element = el(
      'div',
      {
        class: classes.join(' '),
        role: 'gridcell',
        'data-row': String(row),
        'data-col': String(column),
        // The note shows beside the cell on hover (see showNote), as Sheets shows it.
        'data-note': cell?.note,
        'aria-description': cell?.note,
      },
      cell?.text ?? '',
    );
    if (cell?.background) element.style.background = cell.background;
    if (cell?.color) element.style.color = cell.color;
    return element;
  }

  private rowElement(row: GridRow | undefined, rowNumber: number, frozen: boolean): HTMLElement {
    const line = el('div', { class: 'grid-row', role: 'row', 'aria-rowindex': String(rowNumber) });
    line.style.width = `${this.width()}px`;
    line.append(
      el('div', { class: `cell rownum${frozen ? ' frozen' : ''}`, role: 'rowheader' }, String(rowNumber)),
    );
    for (let column = 1; column <= (this.layout?.columns ?? 0); column++)
      line.append(this.cellElement(rowNumber, column, row?.cells[column - 1], frozen));
    return line;
  }

  private render(): void {
    const layout = this.layout;
    if (!layout) return;
    const letters = el('div', { class: 'grid-row', role: 'row' });
    letters.style.width = `${this.width()}px`;
    letters.append(el('div', { class: 'cell rownum colhead', role: 'columnheader' }, ''));
    for (let column = 1; column <= layout.columns; column++) {
      const filtered = layout.filteredColumns.includes(column) ? ' filtered' : '';
      letters.append(
        el(
          'div',
          {
            class: `cell colhead${filtered}`,
            role: 'columnheader',
            'data-colhead': String(column),
            'aria-label': `Column ${columnLetter(column)}${filtered ? ' (filtered)' : ''}: sort and filter`,
          },
          columnLetter(column),
        ),
      );
    }
    this.head.replaceChildren(letters, ...this.frozen.map((row) => this.rowElement(row, row.row, true)));

    const total = layout.visibleRows.length;
    this.canvas.style.height = `${total * ROW_HEIGHT}px`;
    this.canvas.style.width = `${this.width()}px`;
    const headHeight = this.head.offsetHeight;
    const scrolled = Math.max(0, this.container.scrollTop);
    const viewHeight = Math.max(0, this.container.clientHeight - headHeight);
    const first = Math.max(0, Math.floor(scrolled / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(total, Math.ceil((scrolled + viewHeight) / ROW_HEIGHT) + OVERSCAN);
    const missing: number[] = [];
    const lines: HTMLElement[] = [];
    for (let index = first; index < last; index++) {
      const rowNumber = layout.visibleRows[index] as number;
      const row = this.cache.get(rowNumber);
      if (!row && !this.pending.has(rowNumber)) missing.push(rowNumber);
      const line = this.rowElement(row, rowNumber, false);
      line.style.top = `${index * ROW_HEIGHT}px`;
      lines.push(line);
    }
    this.canvas.replaceChildren(...lines);
    // The cells were replaced: the note follows whatever cell is now under the pointer.
    if (this.pointer) this.showNote(document.elementFromPoint(this.pointer.x, this.pointer.y));
    else this.hideNote();
    if (missing.length > 0) void this.fetchRows(missing);
  }

  private async fetchRows(rows: number[]): Promise<void> {
    for (const row of rows) this.pending.add(row);
    const sheet = this.sheet;
    const generation = this.generation;
    try {
      const window = await api.rows(sheet, rows);
      if (sheet !== this.sheet || generation !== this.generation) {
        // Outdated: the rows are asked for again by the next draw (they leave `pending` below).
        this.schedule();
        return;
      }
      for (const row of window.rows) this.cache.set(row.row, row);
      this.schedule();
      this.announceSelection();
    } catch (error) {
      this.events.error((error as Error).message);
    } finally {
      for (const row of rows) this.pending.delete(row);
    }
  }

  private cellAt(row: number, column: number): GridCell | undefined {
    const line = this.cache.get(row) ?? this.frozen.find((r) => r.row === row);
    return line?.cells[column - 1];
  }

  private announceSelection(): void {
    const { row, column } = this.selection;
    this.events.selected(a1(row, column), this.cellAt(row, column));
  }

  /** Selects the first cell of an A1 range ("A12", "C3:F3"), as a row link from a sidebar does. */
  goTo(range: string): void {
    const match = /^([A-Z]+)(\d+)/.exec(range.toUpperCase());
    if (!match) return;
    const letters = match[1] as string;
    let column = 0;
    for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
    this.select(Number(match[2]), column, false);
  }

  private select(row: number, column: number, extend: boolean): void {
    const layout = this.layout;
    if (!layout) return;
    const boundedColumn = Math.min(Math.max(1, column), layout.columns);
    const boundedRow = Math.max(1, row);
    this.selection = extend
      ? { ...this.selection, endRow: boundedRow, endColumn: boundedColumn }
      : { row: boundedRow, column: boundedColumn, endRow: boundedRow, endColumn: boundedColumn };
    this.scrollIntoView(extend ? boundedRow : this.selection.row);
    this.render();
    this.announceSelection();
    const s = this.selection;
    const range = `${a1(Math.min(s.row, s.endRow), Math.min(s.column, s.endColumn))}:${a1(Math.max(s.row, s.endRow), Math.max(s.column, s.endColumn))}`;
    api.select(this.sheet, range).catch(() => undefined);
  }

  private scrollIntoView(row: number): void {
    const index = this.layout?.visibleRows.indexOf(row) ?? -1;
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const view = this.container.clientHeight - this.head.offsetHeight;
    if (top < this.container.scrollTop) this.container.scrollTop = top;
    else if (top + ROW_HEIGHT > this.container.scrollTop + view)
      this.container.scrollTop = top + ROW_HEIGHT - view;
  }

  /** The visible row above or below, skipping rows a filter hides. */
  private stepRow(row: number, delta: number): number {
    const layout = this.layout;
    if (!layout) return row;
    const frozen = this.frozen.map((r) => r.row);
    const order = [...frozen, ...layout.visibleRows];
    const index = order.indexOf(row);
    return order[Math.min(order.length - 1, Math.max(0, index + delta))] ?? row;
  }

  private onMouseDown(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const head = target.closest<HTMLElement>('[data-colhead]');
    if (head) {
      const rect = head.getBoundingClientRect();
      this.events.columnMenu(Number(head.dataset.colhead), rect.left, rect.bottom);
      return;
    }
    const cell = target.closest<HTMLElement>('.cell[data-row]');
    if (!cell || this.editor) return;
    this.container.focus({ preventScroll: true });
    this.select(Number(cell.dataset.row), Number(cell.dataset.col), event.shiftKey);
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor) return;
    const { row, column } = this.selection;
    const extend = event.shiftKey;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const from =
        extend && event.key !== 'Tab'
          ? { row: this.selection.endRow, column: this.selection.endColumn }
          : { row, column };
      this.select(this.stepRow(from.row, move[0]), from.column + move[1], extend && event.key !== 'Tab');
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.clearSelection();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  private startEdit(initial?: string): void {
    const { row, column } = this.selection;
    const cell = this.cellAt(row, column);
    const target = this.container.querySelector<HTMLElement>(
      `.cell[data-row="${row}"][data-col="${column}"]`,
    );
    if (!target) return;
    const rect = target.getBoundingClientRect();
    let editor: HTMLInputElement | HTMLSelectElement;
    if (cell?.options && initial === undefined) {
      const select = el('select', { 'aria-label': `Edit ${this.sheet}!${a1(row, column)}` });
      select.append(el('option', { value: '' }, ''));
      for (const option of cell.options) select.append(el('option', { value: option }, option));
      select.value = cell.text;
      select.addEventListener('change', () => void this.commit(select.value));
      editor = select;
    } else {
      const input = el('input', { type: 'text', 'aria-label': `Edit ${this.sheet}!${a1(row, column)}` });
      input.value = initial ?? cell?.text ?? '';
      editor = input;
    }
    editor.className = 'cell-editor';
    Object.assign(editor.style, {
      position: 'fixed',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      minWidth: `${Math.max(rect.width, 160)}px`,
    });
    editor.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === 'Tab') {
        event.preventDefault();
        void this.commit(editor.value, key === 'Tab' ? [0, 1] : [1, 0]);
      } else if (key === 'Escape') {
        event.preventDefault();
        this.closeEditor();
      }
    });
    editor.addEventListener('blur', () => {
      if (this.editor === editor) void this.commit(editor.value);
    });
    document.body.append(editor);
    this.editor = editor;
    editor.focus();
    if (editor instanceof HTMLInputElement)
      editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private closeEditor(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.remove();
    this.container.focus({ preventScroll: true });
  }

  private async commit(value: string, move: [number, number] = [0, 0]): Promise<void> {
    if (!this.editor) return;
    const { row, column } = this.selection;
    const before = this.cellAt(row, column)?.text ?? '';
    this.closeEditor();
    if (value !== before) await this.write(a1(row, column), [[value]]);
    if (move[0] !== 0 || move[1] !== 0) this.select(this.stepRow(row, move[0]), column + move[1], false);
  }

  private async write(at: string, values: string[][]): Promise<void> {
    try {
      const outcome = await api.edit(this.sheet, at, values);
      if (!outcome.ok && outcome.refused) this.events.error(outcome.refused, 'This edit was refused');
      else if (outcome.triggerErrors && outcome.triggerErrors.length > 0)
        this.events.error(outcome.triggerErrors.join('\n'), 'onEdit failed');
    } catch (error) {
      this.events.error((error as Error).message);
    }
    this.events.changed();
  }

  private async clearSelection(): Promise<void> {
    const s = this.selection;
    const top = Math.min(s.row, s.endRow);
    const left = Math.min(s.column, s.endColumn);
    const rows = Math.abs(s.endRow - s.row) + 1;
    const columns = Math.abs(s.endColumn - s.column) + 1;
    await this.write(
      a1(top, left),
      Array.from({ length: rows }, () => Array<string>(columns).fill('')),
    );
  }

  private onPaste(event: ClipboardEvent): void {
    if (this.editor) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text === '') return;
    event.preventDefault();
    const rows = text
      .replace(/\r\n?/g, '\n')
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => line.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    const block = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
    const s = this.selection;
    void this.write(a1(Math.min(s.row, s.endRow), Math.min(s.column, s.endColumn)), block);
  }

  private onCopy(event: ClipboardEvent): void {
    if (this.editor) return;
    const s = this.selection;
    const lines: string[] = [];
    for (let row = Math.min(s.row, s.endRow); row <= Math.max(s.row, s.endRow); row++) {
      const cells: string[] = [];
      for (let column = Math.min(s.column, s.endColumn); column <= Math.max(s.column, s.endColumn); column++)
        cells.push(this.cellAt(row, column)?.text ?? '');
      lines.push(cells.join('\t'));
    }
    event.clipboardData?.setData('text/plain', lines.join('\n'));
    event.preventDefault();
  }
}
