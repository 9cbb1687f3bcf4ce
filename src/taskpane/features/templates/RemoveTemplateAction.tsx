// "Gỡ mẫu khỏi sổ tính" (hosted): finds the BáoCáo template in the open workbook, asks, removes it.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { useState } from "react";
import { useTemplates } from "../../templates/context";
import { useConfirm } from "../../components/ConfirmDialog";
import { ErrorBar } from "../../components/ErrorBar";
import { useMessages } from "../../i18n/context";
import type { OfficeSession } from "../../session";
import { existingTemplateName } from "../../logic/template-text";
import { SheetList } from "./SheetList";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  button: { alignSelf: "flex-start" },
});

/** Kept as data, so the message follows a language switch. */
type Status = { kind: "none" } | { kind: "cancelled" } | { kind: "done"; sheets: number } | null;

export function RemoveTemplateAction({
  session,
  disabled,
}: {
  session: OfficeSession;
  disabled: boolean;
}) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const { dialog, ask } = useConfirm();
  const { list: templates } = useTemplates();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [error, setError] = useState<unknown>(null);

  async function remove() {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const existing = await session.findTemplate();
      if (!existing) {
        setStatus({ kind: "none" });
        return;
      }
      const name = existingTemplateName(existing.templateId, templates.find, lang, m);
      const ok = await ask({
        title: m.remove.title,
        body: (
          <SheetList
            intro={m.remove.body(`"${name}"`)}
            sheets={existing.sheets}
            outro={existing.names.length > 0 ? m.remove.names : undefined}
          />
        ),
        confirm: m.remove.confirm,
        cancel: m.remove.cancel,
        danger: true,
      });
      if (!ok) {
        setStatus({ kind: "cancelled" });
        return;
      }
      await session.removeTemplate(existing);
      setStatus({ kind: "done", sheets: existing.sheets.length });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.root} aria-label={m.form.remove}>
      <div className={styles.row}>
        <Button
          className={styles.button}
          appearance="secondary"
          icon={<DeleteRegular />}
          onClick={() => void remove()}
          disabled={busy || disabled}
          data-testid="remove-button"
        >
          {m.form.remove}
        </Button>
        {busy && <Spinner size="tiny" label={m.form.removing} />}
      </div>
      {status && (
        <MessageBar
          intent={status.kind === "done" ? "success" : "info"}
          data-testid="remove-status"
        >
          <MessageBarBody>
            {status.kind === "done"
              ? m.remove.done(status.sheets)
              : status.kind === "none"
                ? m.remove.none
                : m.remove.cancelled}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <ErrorBar title={m.errors.removeTitle} error={error} onDismiss={() => setError(null)} />
      )}
      {dialog}
    </section>
  );
}
