// The pane's template list as state: built-in templates at once, the office-wide catalogue when
// its index arrives, the user's own templates from the browser's storage. React reads it through
// useTemplates() (context.tsx); the engine's main-thread code (identifying a workbook's template,
// preparing an export or a consolidation) reads the same store through paneTemplateList().
//
// Why localStorage for the user's templates: Office's roamingSettings exist only for Outlook
// (Mailbox API) and Office.context.document.settings live inside one workbook, while a unit's
// template is wanted in every workbook. localStorage is per user and per machine (per browser
// profile in Office on the web); the pane already keeps its language and export choices there.
// A template of 300 indicators is about 200 KB of JSON, well within its 5 MB.
import type { Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";
import {
  buildTemplateList,
  type TemplateFileEntry,
  type TemplateList,
  type TemplateOrigin,
} from "./list";
import type { Upload, UploadProblem } from "./parse-upload";

type Parser = Pick<
  typeof import("./parse-upload"),
  "parseTemplateJson" | "parseTemplateText" | "parseTemplateUpload"
>;

/** Why a file of the office catalogue or of the user's storage was left out. */
export type FileProblem =
  | UploadProblem
  /** The office index is not a list of file names (`detail`: what was found). */
  | { kind: "index"; detail: string }
  /** The index names a file the server does not have (or refuses: `status`). */
  | { kind: "missing"; status: number };

export interface ListedProblem {
  origin: Exclude<TemplateOrigin, "builtIn">;
  /** The file's name (for the office: as the index lists it). */
  name: string;
  problem: FileProblem;
}

export interface TemplatesState {
  list: TemplateList;
  /** Files left out, each with why; the others still load. */
  problems: readonly ListedProblem[];
  /** The built-in templates could not be loaded (a broken build): the gallery says so. */
  error: unknown;
}

export type ImportOutcome =
  | {
      ok: true;
      template: Template;
      /** The template of the same id it replaces (a built-in, an office one, an earlier import). */
      replaced: { origin: TemplateOrigin; version: string } | null;
      /** False when the browser would not store it: it lasts until the pane is closed. */
      persisted: boolean;
    }
  | { ok: false; name: string; problem: UploadProblem };

/** What the store keeps in localStorage: the files as loaded, with the names they came with. */
interface Stored {
  name: string;
  file: TemplateFileInput;
}

export const STORAGE_KEY = "baocao.templates";
/** The office catalogue's index, relative to the pane's page. */
export const OFFICE_INDEX = "templates/index.json";
const OFFICE_TIMEOUT_MS = 8000;

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;
type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface StoreOptions {
  builtIns: () => readonly Template[];
  /** null: nothing is kept between sessions (a webview that refuses storage). */
  storage?: StorageLike | null;
  /** How the parser is loaded (a lazy chunk in the pane; the module itself in tests). */
  parser?: () => Promise<Parser>;
}

function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const loadParser = (): Promise<Parser> =>
  import(/* webpackChunkName: "template-files" */ "./parse-upload");

/** A name the index may list: a file in the templates folder itself, .json or .xlsx. */
function safeName(name: unknown): name is string {
  return (
    typeof name === "string" &&
    /^[^/\\]+\.(json|xlsx)$/i.test(name) &&
    !name.startsWith(".") &&
    !name.includes("..")
  );
}

export class TemplateStore {
  private readonly builtIns: readonly Template[];
  private readonly error: unknown;
  private readonly storage: StorageLike | null;
  private readonly parser: () => Promise<Parser>;
  private office: TemplateFileEntry[] = [];
  private user: TemplateFileEntry[] = [];
  /** Stored files that no longer load: kept in storage until removed, listed with why. */
  private broken: Stored[] = [];
  private problems: ListedProblem[] = [];
  private state: TemplatesState;
  private readonly listeners = new Set<() => void>();

  constructor(options: StoreOptions) {
    let builtIns: readonly Template[] = [];
    let error: unknown = null;
    try {
      builtIns = options.builtIns();
    } catch (e) {
      error = e;
    }
    this.builtIns = builtIns;
    this.error = error;
    this.storage = options.storage === undefined ? browserStorage() : options.storage;
    this.parser = options.parser ?? loadParser;
    this.state = this.compute();
  }

  private compute(): TemplatesState {
    return {
      list: buildTemplateList(this.builtIns, this.office, this.user),
      problems: this.problems,
      error: this.error,
    };
  }

  private changed(): void {
    this.state = this.compute();
    for (const l of this.listeners) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): TemplatesState => this.state;

  get list(): TemplateList {
    return this.state.list;
  }

  private readStored(): Stored[] {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return [];
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed)
        ? parsed.filter(
            (x): x is Stored =>
              !!x && typeof x === "object" && typeof (x as Stored).name === "string"
          )
        : [];
    } catch {
      return [];
    }
  }

  private persist(): boolean {
    if (!this.storage) return false;
    const stored: Stored[] = [
      ...this.broken,
      ...this.user.map((u) => ({ name: u.name, file: u.file })),
    ];
    try {
      if (stored.length === 0) this.storage.removeItem(STORAGE_KEY);
      else this.storage.setItem(STORAGE_KEY, JSON.stringify(stored));
      return true;
    } catch {
      // Full or refused: the templates stay for this session.
      return false;
    }
  }

  /** Loads the user's templates kept from earlier sessions (a file that no longer loads is listed). */
  async restore(): Promise<void> {
    const stored = this.readStored();
    if (stored.length === 0) return;
    const parser = await this.parser();
    const user: TemplateFileEntry[] = [];
    const problems: ListedProblem[] = [];
    for (const s of stored) {
      const r = parser.parseTemplateJson(s.file);
      if (r.ok) user.push({ template: r.template, file: r.file, name: s.name });
      else {
        this.broken.push(s);
        problems.push({ origin: "user", name: s.name, problem: r.problem });
      }
    }
    // An import made while these loaded wins over a stored template of its id.
    this.user = [
      ...user.filter((x) => !this.user.some((u) => u.template.id === x.template.id)),
      ...this.user,
    ];
    this.problems = [...this.problems.filter((p) => p.origin !== "user"), ...problems];
    this.changed();
  }

  /**
   * Loads the office catalogue: templates/index.json next to the pane lists file names in the same
   * folder. No index (404, offline, timed out) is the usual case and changes nothing; a bad file is
   * listed with why and skipped, the others load.
   */
  async loadOffice(
    base: string,
    fetchFn: FetchLike = (u, i) => fetch(u, { ...i, cache: "no-cache" }),
    timeoutMs = OFFICE_TIMEOUT_MS
  ): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const get = async (url: string): Promise<Response | null> => {
      try {
        return await fetchFn(url, { signal: controller.signal });
      } catch {
        return null;
      }
    };
    try {
      const indexUrl = new URL(OFFICE_INDEX, base).href;
      const index = await get(indexUrl);
      if (!index || index.status === 404) return;
      const problems: ListedProblem[] = [];
      const fail = (problem: FileProblem) => {
        this.problems = [
          ...this.problems.filter((p) => p.origin !== "office"),
          { origin: "office", name: OFFICE_INDEX, problem },
        ];
        this.changed();
      };
      if (!index.ok) return fail({ kind: "missing", status: index.status });
      let names: unknown;
      try {
        names = JSON.parse(await index.text());
      } catch (e) {
        return fail({ kind: "index", detail: e instanceof Error ? e.message : String(e) });
      }
      if (!Array.isArray(names))
        return fail({ kind: "index", detail: JSON.stringify(names)?.slice(0, 80) ?? "" });
      const bad = names.filter((n) => !safeName(n));
      for (const n of bad)
        problems.push({
          origin: "office",
          name: OFFICE_INDEX,
          problem: { kind: "index", detail: JSON.stringify(n) },
        });
      const files = names.filter(safeName);
      if (files.length === 0 && problems.length === 0) return;
      const parser = await this.parser();
      const loaded = await Promise.all(
        files.map(async (name): Promise<TemplateFileEntry | ListedProblem> => {
          const res = await get(new URL(encodeURIComponent(name), indexUrl).href);
          if (!res || !res.ok)
            return {
              origin: "office",
              name,
              problem: { kind: "missing", status: res?.status ?? 0 },
            };
          let r: Upload;
          try {
            r = await parser.parseTemplateUpload(name, await res.arrayBuffer());
          } catch (e) {
            const detail = e instanceof Error ? e.message : String(e);
            r = { ok: false, problem: { kind: "unreadable", detail } };
          }
          return r.ok
            ? { template: r.template, file: r.file, name }
            : { origin: "office", name, problem: r.problem };
        })
      );
      const office: TemplateFileEntry[] = [];
      for (const x of loaded) {
        if ("template" in x) {
          // Two office files of one id: the first listed is kept, the other said.
          if (office.some((o) => o.template.id === x.template.id))
            problems.push({
              origin: "office",
              name: x.name,
              problem: {
                kind: "issues",
                issues: [
                  {
                    path: "id",
                    message: `mã "${x.template.id}" đã có ở một tệp khác trong ${OFFICE_INDEX}; đổi mã hoặc bỏ bớt một tệp khỏi danh sách`,
                  },
                ],
              },
            });
          else office.push(x);
        } else problems.push(x);
      }
      this.office = office;
      this.problems = [...this.problems.filter((p) => p.origin !== "office"), ...problems];
      this.changed();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Adds the template in a file the user picked, kept for next time; or why it cannot be. */
  async importFile(name: string, bytes: ArrayBuffer): Promise<ImportOutcome> {
    const parser = await this.parser();
    const r = await parser.parseTemplateUpload(name, bytes);
    if (!r.ok) return { ok: false, name, problem: r.problem };
    const replaced = this.state.list.entry(r.template.id);
    this.user = [
      ...this.user.filter((u) => u.template.id !== r.template.id),
      { template: r.template, file: r.file, name },
    ];
    // A stored file that failed to load and is now imported again is no longer a problem.
    this.broken = this.broken.filter((b) => b.name !== name);
    this.problems = this.problems.filter((p) => !(p.origin === "user" && p.name === name));
    const persisted = this.persist();
    this.changed();
    return {
      ok: true,
      template: r.template,
      replaced: replaced ? { origin: replaced.origin, version: replaced.template.version } : null,
      persisted,
    };
  }

  /** Removes one of the user's templates (by id), or a stored file that no longer loads (by name). */
  remove(which: { id: string } | { name: string }): void {
    if ("id" in which) this.user = this.user.filter((u) => u.template.id !== which.id);
    else {
      this.broken = this.broken.filter((b) => b.name !== which.name);
      this.problems = this.problems.filter((p) => !(p.origin === "user" && p.name === which.name));
    }
    this.persist();
    this.changed();
  }
}

let current: TemplateStore | null = null;

/** Makes a store the pane's (Root does, once the engine is loaded). */
export function setPaneTemplates(store: TemplateStore | null): void {
  current = store;
}

/** The pane's list, for main-thread code outside React; null before start-up (and in unit tests). */
export function paneTemplateList(): TemplateList | null {
  return current?.list ?? null;
}
