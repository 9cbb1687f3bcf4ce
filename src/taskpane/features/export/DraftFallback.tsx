// Where a download does not arrive (Excel on Mac ignores them): copy the draft as rich text to paste
// into Word, or open BáoCáo in the browser (OpenBrowserWindowApi 1.1), whose preview mode opens the
// saved workbook and downloads the .docx.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons/svg/copy";
import { OpenRegular } from "@fluentui/react-icons/svg/open";
import { useState } from "react";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import { copyDraft } from "./clipboard";
import { canOpenBrowserWindow, openInBrowser, paneUrl } from "./platform";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export function DraftFallback({
  html,
  text,
  mac,
  hosted,
}: {
  html: string;
  text: string;
  /** Excel on Mac: downloads never arrive, say so. */
  mac: boolean;
  hosted: boolean;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const f = m.export.fallback;
  const [copied, setCopied] = useState<boolean | null>(null);
  const canOpen = hosted && canOpenBrowserWindow();

  async function copy() {
    setCopied((await copyDraft(html, text)) !== null);
  }

  return (
    <section className={styles.root} data-testid="export-fallback" aria-label={f.title}>
      <MessageBar intent={mac ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageTitle>{f.title}</MessageTitle>
          {mac ? f.mac : f.other}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button
          appearance={mac ? "primary" : "secondary"}
          icon={<CopyRegular />}
          onClick={() => void copy()}
          data-testid="copy-draft-button"
        >
          {f.copy}
        </Button>
        {canOpen && (
          <Button
            icon={<OpenRegular />}
            onClick={() => openInBrowser(window.location.href)}
            data-testid="open-browser-button"
          >
            {f.openBrowser}
          </Button>
        )}
      </div>
      {copied === true && (
        <MessageBar intent="success" layout="multiline" data-testid="copy-done">
          <MessageBarBody>{f.copied}</MessageBarBody>
        </MessageBar>
      )}
      {copied === false && (
        <MessageBar intent="error" layout="multiline" data-testid="copy-failed">
          <MessageBarBody>{f.copyFailed}</MessageBarBody>
        </MessageBar>
      )}
      {hosted && (
        <Text as="p" size={200} className={styles.note}>
          {f.openBrowserHint} {!canOpen && f.openBrowserManual(paneUrl(window.location.href))}
        </Text>
      )}
    </section>
  );
}
