// Start-up: a spinner while office.js gets ready (at most OFFICE_READY_TIMEOUT_MS) and the engine
// chunk loads, then the app in the mode that was found.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { loadEngine, type Engine } from "../engine";
import { CATALOGS, languageFromTag, storedLanguage, type Lang } from "../i18n";
import { OfficeSession, PreviewSession, type AppSession } from "../session";
import {
  detectMode,
  isDebug,
  isDarkColor,
  lateHostedMode,
  type StartMode,
  type StartupWindow,
} from "../startup/detect";
import { App } from "./App";
import { whenIdle } from "./when-idle";
import { MessageTitle } from "./MessageTitle";
import { setPaneTemplates, TemplateStore } from "../templates/store";
import { TemplatesProvider } from "../templates/context";

export interface StartState {
  session: AppSession;
  engine: Engine;
  /** The pane's one template list (built-in, office-wide, the user's own). */
  templates: TemplateStore;
  lang: Lang;
  /** Dark theme from Office (hosted); null in preview, where prefers-color-scheme decides. */
  officeDark: boolean | null;
  debug: boolean;
}

function hostedState(
  found: Extract<StartMode, { mode: "hosted" }>,
  engine: Engine,
  templates: TemplateStore,
  debug: boolean
): StartState {
  return {
    session: new OfficeSession(),
    engine,
    templates,
    lang: storedLanguage() ?? languageFromTag(found.displayLanguage),
    officeDark: isDarkColor(found.officeTheme?.bodyBackgroundColor),
    debug,
  };
}

/**
 * The template list: the built-in templates at once; the user's kept templates and the office
 * catalogue (templates/index.json next to this page) join it when they have loaded, without
 * holding up the gallery.
 */
function paneTemplates(engine: Engine): TemplateStore {
  const templates = new TemplateStore({ builtIns: engine.builtInTemplates });
  setPaneTemplates(templates);
  void templates.restore().catch(() => undefined);
  void templates.loadOffice(window.location.href).catch(() => undefined);
  return templates;
}

async function start(onLateHost: (s: StartState) => void): Promise<StartState> {
  const win = window as unknown as StartupWindow;
  const [found, engine] = await Promise.all([detectMode(win), loadEngine()]);
  const debug = isDebug(window.location.search);
  const templates = paneTemplates(engine);
  let state: StartState;
  if (found.mode === "hosted") {
    state = hostedState(found, engine, templates, debug);
  } else {
    state = {
      session: new PreviewSession(),
      engine,
      templates,
      lang: storedLanguage() ?? languageFromTag(navigator.language),
      officeDark: null,
      debug,
    };
    // Excel can take longer than the timeout to start the pane: switch to hosted mode when it is ready.
    if (found.reason === "timeout") {
      void lateHostedMode(win).then(
        (late) => late && onLateHost(exposeDebug(hostedState(late, engine, templates, debug)))
      );
    }
  }
  return exposeDebug(state);
}

/** ?debug: the session on window for the console and the end-to-end tests (e.g. __baocao.session.selectCell). */
function exposeDebug(state: StartState): StartState {
  if (state.debug) {
    (window as unknown as { __baocao?: { session: AppSession } }).__baocao = {
      session: state.session,
    };
  }
  return state;
}

export function Root() {
  const [state, setState] = useState<StartState | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    start((late) => live && setState(late)).then(
      // A late hosted start may already have replaced the preview state: keep it.
      (s) => live && setState((prev) => (prev?.session.mode === "hosted" ? prev : s)),
      (e: unknown) => live && setFailed(e ?? new Error("start-up failed"))
    );
    return () => {
      live = false;
    };
  }, []);
  // Once the app is on screen and the browser idle, the rest of the engine and (preview) ExcelJS
  // load in the background: the first check or workbook is then quick, and they are not part of
  // what is downloaded before the gallery is usable.
  useEffect(() => {
    if (!state) return;
    return whenIdle(() => {
      void state.engine.prefetch().catch(() => undefined);
      if (state.session.mode === "preview") state.session.warmUp();
      // The consolidation worker starts now, not on the first "Tổng hợp".
      void import(/* webpackChunkName: "consolidate-client" */ "../session/consolidate-client")
        .then((c) => c.warmConsolidation())
        .catch(() => undefined);
    });
  }, [state]);
  // Keyed by mode: a late switch to hosted mode starts the app afresh.
  if (state)
    return (
      <TemplatesProvider value={state.templates}>
        <App key={state.session.mode} start={state} />
      </TemplatesProvider>
    );
  const m = CATALOGS[storedLanguage() ?? languageFromTag(navigator.language)];
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh", padding: 16 }}>
      {failed === null ? (
        <Spinner size="small" label={m.app.starting} />
      ) : (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageTitle>{m.app.startFailed}</MessageTitle>
            {m.errors.loadChunk}
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}
