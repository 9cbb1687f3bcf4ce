/**
 * Builds the `Excel`, `Office` and `OfficeExtension` namespaces for a host, and installs them as
 * globals. This is the only place where the fake is presented with @types/office-js types.
 */
import { ClientObjectImpl, ClientResultImpl, RequestContextImpl } from "./client";
import { ErrorCodes, OfficeExtensionError, hostError, invalidArgument } from "./errors";
import { ENUMS } from "./enums";
import { ExcelHost, ExcelHostOptions } from "./host";
import {
  Range,
  RangeBorder,
  RangeBorderCollection,
  RangeFill,
  RangeFont,
  RangeFormat,
} from "./api-range";
import {
  HeaderFooter,
  HeaderFooterGroup,
  PageLayout,
  Worksheet,
  WorksheetFreezePanes,
  WorksheetProtection,
} from "./api-worksheet";
import { Application, Workbook, WorksheetCollection, makeWorkbook } from "./api-workbook";
import { NamedItem, NamedItemCollection } from "./api-names";
import { DataValidation } from "./api-validation";
import { ConditionalFormat, ConditionalFormatCollection } from "./api-conditional";

export interface ExcelRuntime {
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
}

/** The runtime objects as the fake builds them; see asExcelRuntime for the typed view. */
export interface RawRuntime {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  /** Fires Office.initialize and resolves Office.onReady (once). */
  markReady(): void;
}

/**
 * The fake implements a subset of the API with dynamically defined properties, so it cannot be
 * checked structurally against @types/office-js. This single cast lets add-in code written
 * against the real types compile unchanged and run against the fake.
 */
export function asExcelRuntime(raw: RawRuntime): ExcelRuntime {
  return raw as unknown as ExcelRuntime;
}

const OFFICE_EXTENSION_ERROR_CODES = {
  accessDenied: "AccessDenied",
  activityLimitReached: "ActivityLimitReached",
  apiNotFound: "ApiNotFound",
  cannotRegisterEvent: "CannotRegisterEvent",
  connectionFailure: "ConnectionFailure",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  propertyNotLoaded: "PropertyNotLoaded",
  requestAborted: "RequestAborted",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
};

type Batch = (ctx: RequestContextImpl) => unknown;

function makeSettings() {
  const values = new Map<string, unknown>();
  return {
    get: (name: string) => (values.has(name) ? values.get(name) : null),
    set: (name: string, value: unknown) => void values.set(name, value),
    remove: (name: string) => void values.delete(name),
    saveAsync: (...args: unknown[]) => {
      const cb = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
      cb?.({ status: "succeeded", value: undefined });
    },
    refreshAsync: (cb?: (r: unknown) => void) => cb?.({ status: "succeeded", value: undefined }),
    addHandlerAsync: (...args: unknown[]) => {
      const cb = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
      cb?.({ status: "succeeded", value: undefined });
    },
  };
}

export function createRuntime(host: ExcelHost): RawRuntime {
  class RequestContext extends RequestContextImpl {
    constructor() {
      super(host, makeWorkbook);
    }
  }

  function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") return Promise.reject(invalidArgument("Excel.run"));
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: RequestContextImpl;
    if (first instanceof RequestContextImpl) ctx = first;
    else if (first instanceof ClientObjectImpl) ctx = first.context;
    else if (Array.isArray(first) && first[0] instanceof ClientObjectImpl) ctx = first[0].context;
    else ctx = new RequestContext();
    return Promise.resolve()
      .then(() => {
        const result = (batch as Batch)(ctx);
        if (!result || typeof (result as Promise<unknown>).then !== "function") {
          throw hostError(ErrorCodes.runMustReturnPromise, "Excel.run");
        }
        return result;
      })
      .then((result) => ctx.sync(result));
  }

  const Excel: Record<string, unknown> = {
    ...ENUMS,
    run,
    RequestContext,
    Workbook,
    WorksheetCollection,
    Worksheet,
    WorksheetProtection,
    WorksheetFreezePanes,
    PageLayout,
    HeaderFooterGroup,
    HeaderFooter,
    Application,
    Range,
    RangeFormat,
    RangeFont,
    RangeFill,
    RangeBorder,
    RangeBorderCollection,
    NamedItem,
    NamedItemCollection,
    DataValidation,
    ConditionalFormat,
    ConditionalFormatCollection,
  };

  const OfficeExtensionNs: Record<string, unknown> = {
    Error: OfficeExtensionError,
    ErrorCodes: OFFICE_EXTENSION_ERROR_CODES,
    ClientObject: ClientObjectImpl,
    ClientRequestContext: RequestContextImpl,
    ClientResult: ClientResultImpl,
    Promise,
    config: { extendedErrorLogging: false },
  };

  let resolveReady: (info: { host: string; platform: string }) => void = () => undefined;
  const ready = new Promise<{ host: string; platform: string }>(
    (resolve) => (resolveReady = resolve)
  );
  let isReady = false;

  const Office: Record<string, unknown> = {
    HostType: {
      Word: "Word",
      Excel: "Excel",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      get platform() {
        return host.platform;
      },
      get displayLanguage() {
        return host.displayLanguage;
      },
      get contentLanguage() {
        return host.displayLanguage;
      },
      get officeTheme() {
        return { ...host.officeTheme };
      },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          host.isSetSupported(name, minVersion),
      },
      get diagnostics() {
        return { host: "Excel", platform: host.platform, version: "16.0.0.0" };
      },
      document: {
        settings: makeSettings(),
        mode: "readWrite",
        url: "https://localhost/Book1.xlsx",
      },
      touchEnabled: false,
      commerceAllowed: false,
      ui: {
        displayDialogAsync: (...args: unknown[]) => {
          const cb = args.find((a) => typeof a === "function") as
            ((r: unknown) => void) | undefined;
          cb?.({
            status: "failed",
            error: { code: 12011, message: "Dialogs are not simulated by ExcelHost." },
          });
        },
        messageParent: () => undefined,
      },
    },
    initialize: undefined,
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return ready.then((info) => {
        if (callback) callback(info);
        return info;
      });
    },
    actions: { associate: () => undefined },
  };

  const markReady = () => {
    if (isReady) return;
    isReady = true;
    const info = { host: "Excel", platform: host.platform };
    // office.js calls Office.initialize (if the page assigned one) before onReady resolves.
    const init = Office.initialize;
    if (typeof init === "function") (init as (reason: string) => void)("inserted");
    resolveReady(info);
  };

  return { Excel, Office, OfficeExtension: OfficeExtensionNs, markReady };
}

const runtimes = new WeakMap<ExcelHost, RawRuntime>();

/** One runtime per host, so globals and injected objects agree. */
export function runtimeFor(host: ExcelHost): RawRuntime {
  let rt = runtimes.get(host);
  if (!rt) {
    rt = createRuntime(host);
    runtimes.set(host, rt);
  }
  return rt;
}

export interface CreatedExcelHost extends ExcelRuntime {
  host: ExcelHost;
}

/** For jest: a host plus typed Excel/Office/OfficeExtension bound to it; Office is ready at once. */
export function createExcelHost(options: ExcelHostOptions = {}): CreatedExcelHost {
  const host = new ExcelHost(options);
  const raw = runtimeFor(host);
  raw.markReady();
  return { host, ...asExcelRuntime(raw) };
}

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;

/** Sets globalThis.Excel/Office/OfficeExtension for code that uses globals; returns an undo. */
export function installGlobals(host: ExcelHost): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const raw = runtimeFor(host);
  raw.markReady();
  const previous = GLOBAL_NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)] as const);
  g.Excel = raw.Excel;
  g.Office = raw.Office;
  g.OfficeExtension = raw.OfficeExtension;
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  };
}
