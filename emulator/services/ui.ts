/**
 * The Sheets UI a script can drive: add-on and custom menus, alert and prompt dialogs (answered by tests
 * through workspace.answerNextDialog), sidebars and dialogs (recorded with the HTML they show).
 * Docs: https://developers.google.com/apps-script/reference/base/ui ,
 * https://developers.google.com/apps-script/reference/base/menu ,
 * https://developers.google.com/apps-script/guides/dialogs
 */
import { ScriptException, UnansweredDialogError } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type { MenuItemRecord, MenuRecord, ScriptedAnswer } from '../workspace';
import { htmlContentOf } from './html';

/** The add-on's name, which Sheets uses as the caption of its menu under Extensions. */
export const ADDON_MENU_CAPTION = 'Casebook';

const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

class EmulatedMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly [INTERNAL]: MenuRecord;

  constructor(
    private readonly ui: EmulatedUi,
    kind: MenuRecord['kind'],
    caption: string,
  ) {
    this[INTERNAL] = { kind, caption, items: [] };
  }

  /** Docs: functionName is "the name of the function to invoke when the user selects the item". */
  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || caption === '') throw new ScriptException('Invalid argument: caption');
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$.]*$/.test(functionName)) {
      throw new ScriptException('Invalid argument: functionName');
    }
    this[INTERNAL].items.push({ kind: 'item', caption, functionName });
    return this as unknown as Menu;
  }

  addSeparator(): Menu {
    this[INTERNAL].items.push({ kind: 'separator' });
    return this as unknown as Menu;
  }

  addSubMenu(menu: Menu): Menu {
    const sub = (menu as unknown as Record<symbol, MenuRecord | undefined>)[INTERNAL];
    if (!sub) throw new ScriptException('Invalid argument: menu');
    const item: MenuItemRecord = { kind: 'submenu', caption: sub.caption, items: sub.items };
    this[INTERNAL].items.push(item);
    return this as unknown as Menu;
  }

  /** Adding a menu again (onOpen runs on every open) replaces it: Sheets shows one menu per caption. */
  addToUi(): void {
    this.ui.addMenu(this[INTERNAL]);
  }
}

class EmulatedPromptResponse
  implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

type UiMembers =
  | 'alert'
  | 'prompt'
  | 'createAddonMenu'
  | 'createMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog';

class EmulatedUi implements Pick<Ui, UiMembers> {
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly exec: Execution,
    private readonly documentId: string | null,
  ) {}

  addMenu(menu: MenuRecord): void {
    const key = `${this.documentId}|${this.exec.user.email}`;
    const menus = (this.exec.workspace.ui.menus.get(key) ?? []).filter(
      (m) => !(m.kind === menu.kind && m.caption === menu.caption),
    );
    menus.push(structuredClone(menu));
    this.exec.workspace.ui.menus.set(key, menus);
  }

  createAddonMenu(): Menu {
    return emulate(new EmulatedMenu(this, 'addon', ADDON_MENU_CAPTION), 'Menu', this.exec) as unknown as Menu;
  }

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string' || caption === '') throw new ScriptException('Invalid argument: caption');
    return emulate(new EmulatedMenu(this, 'custom', caption), 'Menu', this.exec) as unknown as Menu;
  }

  private nextAnswer(
    kind: 'alert' | 'prompt',
    title: string,
    prompt: string,
    buttons: string,
  ): ScriptedAnswer {
    const answer = this.exec.workspace.ui.scriptedAnswers.shift();
    if (!answer) throw new UnansweredDialogError({ kind, title, prompt, buttons });
    const allowed = [...(BUTTONS_OF[buttons] ?? []), 'CLOSE'];
    if (!allowed.includes(answer.button)) {
      throw new Error(
        `scripted answer ${answer.button} is not a button of ${buttons} (${allowed.join(', ')})`,
      );
    }
    this.exec.workspace.ui.dialogs.push({
      kind,
      title,
      prompt,
      buttons,
      answer: { button: answer.button, text: answer.text ?? '' },
      user: this.exec.user.email,
    });
    return answer;
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); default buttons: OK. */
  private dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
    this.requireDocument();
    if (args.length === 1) return { title: '', prompt: String(args[0]), buttons: 'OK' };
    if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: String(args[1]) };
    return { title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.dialogArgs(args);
    return this.nextAnswer('alert', title, prompt, buttons).button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs(args);
    const answer = this.nextAnswer('prompt', title, prompt, buttons);
    return emulate(
      new EmulatedPromptResponse(answer.text ?? '', answer.button),
      'PromptResponse',
      this.exec,
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  private requireDocument(): string {
    if (!this.documentId) {
      throw new ScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.documentId;
  }

  private show(
    kind: 'sidebar' | 'modal' | 'modeless',
    output: GoogleAppsScript.HTML.HtmlOutput,
    title?: string,
  ): void {
    const documentId = this.requireDocument();
    const content = htmlContentOf(output);
    this.exec.workspace.ui.shown.push({
      kind,
      title: title ?? content.title,
      html: content.html,
      // Docs (Ui.showSidebar): a sidebar's width is fixed at 300 px; setWidth is ignored.
      width: kind === 'sidebar' ? 300 : content.width,
      height: kind === 'sidebar' ? null : content.height,
      user: this.exec.user.email,
      documentId,
    });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface, String(title));
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface, String(title));
  }
}

export function createUi(exec: Execution, documentId: string | null): Ui {
  return emulate(new EmulatedUi(exec, documentId), 'Ui', exec) as unknown as Ui;
}
