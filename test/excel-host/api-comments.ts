/**
 * Threaded comments (ExcelApi 1.10), reduced to one comment per cell with plain content.
 */
import { cellCount } from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  RequestContextImpl,
  Resolver,
  TypeSpec,
  defineType,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import type { CommentState, SheetState } from "./state";
import { checkSheet, requireBoolean, resolveRangeArg } from "./targets";
import { Range } from "./api-range";

/** A sheet's comments, or the whole workbook's when sheet is undefined. */
export interface CommentScope {
  sheet?: SheetState;
}

export interface CommentTarget {
  sheet: SheetState;
  comment: CommentState;
}

export const COMMENT_AUTHOR = { name: "ExcelHost User", email: "user@example.com" };

function commentsIn(scope: CommentScope, x: ExecContext): CommentTarget[] {
  const sheets = scope.sheet ? [scope.sheet] : x.wb.liveSheets();
  return sheets.flatMap((sheet) =>
    sheet.comments.filter((c) => !c.deleted).map((comment) => ({ sheet, comment }))
  );
}

function checkComment(t: CommentTarget): void {
  checkSheet(t.sheet);
  if (t.comment.deleted) throw hostError(ErrorCodes.itemNotFound);
}

export class CommentCollection extends CollectionImpl<CommentScope, CommentTarget> {
  _list(t: CommentScope, x: ExecContext): CommentTarget[] {
    return commentsIn(t, x);
  }

  _makeItem(target: CommentTarget): ClientObjectImpl<CommentTarget> {
    return new Comment(this.context, () => target);
  }

  add(cellAddress: unknown, content: string, contentType?: string): Comment {
    let created: CommentTarget | null = null;
    this._action("add", "1.10", [cellAddress, content, contentType ?? null], (scope, x) => {
      const loc = "CommentCollection.add";
      const cell = resolveRangeArg(x, cellAddress, loc, scope.sheet);
      if (cellCount(cell.area) !== 1 || typeof content !== "string") throw invalidArgument(loc);
      if (scope.sheet && cell.sheet !== scope.sheet) throw invalidArgument(loc);
      const existing = cell.sheet.comments.find(
        (c) => !c.deleted && c.row === cell.area.r0 && c.col === cell.area.c0
      );
      if (existing) throw invalidArgument(loc, "The cell already has a comment.");
      const comment: CommentState = {
        id: x.wb.nextObjectId("comment"),
        row: cell.area.r0,
        col: cell.area.c0,
        content,
        authorName: COMMENT_AUTHOR.name,
        authorEmail: COMMENT_AUTHOR.email,
        creationDate: new Date().toISOString(),
        resolved: false,
        deleted: false,
      };
      cell.sheet.comments.push(comment);
      created = { sheet: cell.sheet, comment };
    });
    return new Comment(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }

  getCount(): unknown {
    return this._result("getCount", "1.10", [], (t, x) => commentsIn(t, x).length);
  }

  getItem(commentId: string): Comment {
    return this._object(
      "getItem",
      "1.10",
      () =>
        new Comment(this.context, (x) => {
          const hit = commentsIn(this._target(x), x).find((c) => c.comment.id === commentId);
          if (!hit) throw hostError(ErrorCodes.itemNotFound, "CommentCollection.getItem");
          return hit;
        })
    );
  }

  getItemAt(index: number): Comment {
    return this._object(
      "getItemAt",
      "1.10",
      () =>
        new Comment(this.context, (x) => {
          const hit = commentsIn(this._target(x), x)[index];
          if (!hit) throw invalidArgument("CommentCollection.getItemAt");
          return hit;
        })
    );
  }

  getItemByCell(cellAddress: unknown): Comment {
    this._checkContext([cellAddress]);
    return this._object(
      "getItemByCell",
      "1.10",
      () =>
        new Comment(this.context, (x) => {
          const scope = this._target(x);
          const cell = resolveRangeArg(
            x,
            cellAddress,
            "CommentCollection.getItemByCell",
            scope.sheet
          );
          const hit = commentsIn(scope, x).find(
            (c) =>
              c.sheet === cell.sheet &&
              c.comment.row === cell.area.r0 &&
              c.comment.col === cell.area.c0
          );
          if (!hit) throw hostError(ErrorCodes.itemNotFound, "CommentCollection.getItemByCell");
          return hit;
        })
    );
  }
}

export class Comment extends ClientObjectImpl<CommentTarget> {
  delete(): void {
    this._action("delete", "1.10", [], (t) => {
      t.comment.deleted = true;
      t.sheet.comments = t.sheet.comments.filter((c) => c !== t.comment);
    });
  }

  getLocation(): Range {
    return this._object(
      "getLocation",
      "1.10",
      () =>
        new Range(this.context, (x) => {
          const t = this._target(x);
          const r = t.comment.row;
          const c = t.comment.col;
          return { sheet: t.sheet, area: { r0: r, c0: c, r1: r, c1: c } };
        })
    );
  }
}

export const commentSpec: TypeSpec<CommentTarget> = {
  name: "Comment",
  props: {
    id: { since: "1.10", get: (t) => t.comment.id },
    content: {
      since: "1.10",
      get: (t) => t.comment.content,
      set: (t, v, _x, loc) => {
        if (typeof v !== "string") throw invalidArgument(loc);
        t.comment.content = v;
      },
    },
    authorName: { since: "1.10", get: (t) => t.comment.authorName },
    authorEmail: { since: "1.10", get: (t) => t.comment.authorEmail },
    creationDate: { since: "1.10", get: (t) => new Date(t.comment.creationDate) },
    resolved: {
      since: "1.11",
      get: (t) => t.comment.resolved,
      set: (t, v, _x, loc) => {
        t.comment.resolved = requireBoolean(v, loc);
      },
    },
  },
  nav: {},
  check: checkComment,
};
defineType(Comment, commentSpec);

export const commentCollectionSpec: TypeSpec<CommentScope> = {
  name: "CommentCollection",
  props: {},
  nav: {},
  item: () => commentSpec as TypeSpec<unknown>,
};
defineType(CommentCollection, commentCollectionSpec);

export function makeComments(
  ctx: RequestContextImpl,
  resolver: Resolver<CommentScope>
): CommentCollection {
  return new CommentCollection(ctx, resolver);
}
