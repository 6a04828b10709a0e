/**
 * Position and Bookmark of an emulated Document: a bookmark marks the start of a body paragraph or list
 * item, and lives on that element's model (so it survives a workspace snapshot and goes when the element
 * is removed, as a bookmark on deleted content does in Docs). Positions inside text, or in tables, are
 * not modelled.
 * Docs: https://developers.google.com/apps-script/reference/document/position ,
 * https://developers.google.com/apps-script/reference/document/bookmark ,
 * https://developers.google.com/apps-script/reference/document/document#addBookmark(Position)
 */
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type { ListItemModel, ParagraphModel } from '../workspace';

type Element = GoogleAppsScript.Document.Element;
type Position = GoogleAppsScript.Document.Position;
type Bookmark = GoogleAppsScript.Document.Bookmark;

export type BookmarkedModel = ParagraphModel | ListItemModel;

export class EmulatedPosition implements Pick<Position, 'getElement' | 'getOffset'> {
  /** Document.addBookmark finds the position behind its facade here. */
  readonly [INTERNAL]: EmulatedPosition = this;

  constructor(
    private readonly element: Element,
    readonly model: BookmarkedModel,
    private readonly offset: number,
  ) {}

  /** Docs: "Gets the element that contains this Position." */
  getElement(): Element {
    return this.element;
  }

  /** Docs: "Gets this Position's relative location within the element that contains it." */
  getOffset(): number {
    return this.offset;
  }
}

export function wrapPosition(exec: Execution, position: EmulatedPosition): Position {
  return emulate(position, 'Position', exec) as unknown as Position;
}

export class EmulatedBookmark implements Pick<Bookmark, 'getId' | 'getPosition' | 'remove'> {
  constructor(
    private readonly exec: Execution,
    private readonly id: string,
    private readonly position: EmulatedPosition,
    private readonly assertOpen: () => void,
  ) {}

  /** Docs: "Gets the ID of the Bookmark. The ID is unique within the document." */
  getId(): string {
    return this.id;
  }

  /** Docs: "Gets the Position of the Bookmark." */
  getPosition(): Position {
    return wrapPosition(this.exec, this.position);
  }

  /** Docs: "Deletes the Bookmark." */
  remove(): void {
    this.assertOpen();
    const marks = this.position.model.bookmarks ?? [];
    const left = marks.filter((id) => id !== this.id);
    if (left.length > 0) this.position.model.bookmarks = left;
    else delete this.position.model.bookmarks;
  }
}

export function wrapBookmark(exec: Execution, bookmark: EmulatedBookmark): Bookmark {
  return emulate(bookmark, 'Bookmark', exec) as unknown as Bookmark;
}
