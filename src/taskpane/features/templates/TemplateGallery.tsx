// The gallery: the built-in templates, then "Mẫu của đơn vị" (office-wide and the user's own).
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../../core/model/load";
import { useMessages } from "../../i18n/context";
import type { ListedTemplate } from "../../templates/list";
import type { ListedProblem } from "../../templates/store";
import { lazy, Suspense, useEffect, useState } from "react";
import { whenIdle } from "../../components/when-idle";
import { TemplateCard } from "./TemplateCard";

// "Mẫu của đơn vị" loads on its own once the pane is idle: it is not part of what is downloaded
// before the gallery is usable (the built-in cards). Once loaded it shows at once on every return
// to the gallery.
let unitTemplatesLoaded = false;
const UnitTemplates = lazy(() =>
  import(/* webpackChunkName: "unit-templates" */ "./UnitTemplates").then((m) => {
    unitTemplatesLoaded = true;
    return { default: m.UnitTemplates };
  })
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function TemplateGallery({
  entries,
  problems,
  onChoose,
}: {
  entries: readonly ListedTemplate[];
  problems: readonly ListedProblem[];
  onChoose: (t: Template) => void;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const templates = entries.filter((e) => e.origin === "builtIn").map((e) => e.template);
  const [showUnit, setShowUnit] = useState(unitTemplatesLoaded);
  useEffect(() => (showUnit ? undefined : whenIdle(() => setShowUnit(true))), [showUnit]);
  return (
    <>
      <section className={styles.root} aria-labelledby="gallery-heading">
        <Text as="h2" id="gallery-heading" size={400} weight="semibold" className={styles.heading}>
          {m.gallery.heading}
        </Text>
        <Text as="p" size={200} className={styles.intro}>
          {m.gallery.intro}
        </Text>
        {templates.length === 0 ? (
          <Text as="p">{m.gallery.empty}</Text>
        ) : (
          <div role="list" className={styles.list}>
            {templates.map((t) => (
              <TemplateCard key={t.id} template={t} onChoose={onChoose} />
            ))}
          </div>
        )}
      </section>
      {showUnit && (
        <Suspense fallback={null}>
          <UnitTemplates
            entries={entries.filter((e) => e.origin !== "builtIn")}
            problems={problems}
            onChoose={onChoose}
          />
        </Suspense>
      )}
    </>
  );
}
