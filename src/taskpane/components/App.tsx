// The app shell: theme, language, header, the feature tabs and (preview) the workbook panel.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { MessageTitle } from "./MessageTitle";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { whenIdle } from "./when-idle";
import { EngineProvider } from "../engine/context";
import { FEATURES, type FeatureId } from "../features/registry";
import { PreviewPanel } from "../features/preview/PreviewPanel";
import { CATALOGS, storeLanguage, type Lang } from "../i18n";
import { LanguageProvider } from "../i18n/context";
import { AppHeader } from "./AppHeader";
import type { StartState } from "./Root";
import { usePrefersDark } from "./useColorScheme";

const useStyles = makeStyles({
  app: {
    minHeight: "100vh",
    minWidth: "280px",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Five tabs do not fit a 320–450 px pane on one line: they wrap rather than run off the edge.
    flexWrap: "wrap",
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
});

export function App({ start }: { start: StartState }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(start.lang);
  const [tab, setTab] = useState<FeatureId>(FEATURES[0].id);
  // Tabs mount when first shown or when the pane is first idle, and stay mounted after.
  const [idle, setIdle] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set([FEATURES[0].id]));
  useEffect(() => whenIdle(() => setIdle(true)), []);
  useEffect(() => setShown((s) => (s.has(tab) ? s : new Set([...s, tab]))), [tab]);
  const prefersDark = usePrefersDark(start.officeDark === null);
  const dark = start.officeDark ?? prefersDark;
  const session = start.session;
  const messages = CATALOGS[lang];
  const language = useMemo(() => ({ lang, messages }), [lang, messages]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const switchLanguage = useCallback(() => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    storeLanguage(next);
    setLang(next);
  }, [lang]);
  const apiTooOld = session.mode === "hosted" && !session.apiSupported;
  const features = FEATURES.filter((f) => f.available(session));
  const current = features.find((f) => f.id === tab) ?? features[0];

  return (
    <EngineProvider value={start.engine}>
      <LanguageProvider value={language}>
        {/* No className on the provider: Fluent copies it onto portal mount nodes (dialogs, tooltips). */}
        <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
          <div className={styles.app}>
            <AppHeader mode={session.mode} onSwitchLanguage={switchLanguage} />
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={current.id}
              onTabSelect={(_, d) => setTab(d.value as FeatureId)}
              aria-label={messages.app.tabsLabel}
            >
              {features.map((f) => (
                <Tab key={f.id} id={`tab-${f.id}`} value={f.id} icon={<f.Icon />}>
                  {f.label(messages)}
                </Tab>
              ))}
            </TabList>
            <main className={styles.main}>
              {apiTooOld && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    <MessageTitle>{messages.app.apiTooOldTitle}</MessageTitle>
                    {messages.app.apiTooOldBody}
                  </MessageBarBody>
                </MessageBar>
              )}
              {/* Preview mode is easily taken for a web Excel: say at once that editing is in Excel. */}
              {session.mode === "preview" && (
                <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
                  <MessageBarBody>
                    <MessageTitle>{messages.app.previewBannerTitle}</MessageTitle>
                    {messages.app.previewBanner}
                  </MessageBarBody>
                </MessageBar>
              )}
              {/* Every feature stays mounted once mounted, so switching tabs keeps what the user
                  typed; the tabs not shown first are mounted when the pane is idle. */}
              {features.map((f) => (
                <div
                  key={f.id}
                  role="tabpanel"
                  aria-labelledby={`tab-${f.id}`}
                  hidden={f.id !== current.id}
                >
                  {(idle || shown.has(f.id) || f.id === current.id) && (
                    <Suspense fallback={null}>
                      <f.Component
                        session={session}
                        debug={start.debug}
                        disabled={apiTooOld}
                        openFeature={setTab}
                        hasFeature={(id) => features.some((x) => x.id === id)}
                      />
                    </Suspense>
                  )}
                </div>
              ))}
              {session.mode === "preview" && <PreviewPanel session={session} />}
            </main>
          </div>
        </FluentProvider>
      </LanguageProvider>
    </EngineProvider>
  );
}
