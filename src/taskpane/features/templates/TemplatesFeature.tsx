// The "Mẫu báo cáo" tab: the gallery, or the form of the chosen template.
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { MessageTitle } from "../../components/MessageTitle";
import { useEffect, useRef, useState } from "react";
import type { Template } from "../../../core/model/load";
import { useTemplates } from "../../templates/context";
import { useMessages } from "../../i18n/context";
import type { FeatureProps } from "../registry";
import { RemoveTemplateAction } from "./RemoveTemplateAction";
import { RoundActions } from "./RoundActions";
import { TemplateForm } from "./TemplateForm";
import { TemplateGallery } from "./TemplateGallery";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
});

export function TemplatesFeature({ session, debug, disabled }: FeatureProps) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const { list, problems, error } = useTemplates();
  const [chosen, setChosen] = useState<Template | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Keyboard users keep their place: the form's heading on opening, the template's button on return.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    if (chosen) el.querySelector<HTMLElement>("[data-form-heading]")?.focus();
    else if (returnTo.current)
      el.querySelector<HTMLElement>(`[data-template="${returnTo.current}"] button`)?.focus();
  }, [chosen]);

  return (
    <div className={styles.root} ref={root}>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageTitle>{m.gallery.loadError}</MessageTitle>
            {error instanceof Error ? error.message : String(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {chosen ? (
        <TemplateForm
          key={chosen.id}
          template={chosen}
          session={session}
          debug={debug}
          disabled={disabled}
          onBack={() => {
            returnTo.current = chosen.id;
            setChosen(null);
          }}
        />
      ) : (
        <TemplateGallery entries={list.entries} problems={problems} onChoose={setChosen} />
      )}
      {!chosen && <RoundActions session={session} disabled={disabled} />}
      {session.mode === "hosted" && <RemoveTemplateAction session={session} disabled={disabled} />}
    </div>
  );
}
