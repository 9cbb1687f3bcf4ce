// The gallery: the built-in templates, then "Mẫu của đơn vị" (office-wide and the user's own).
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../../core/model/load";
import { useMessages } from "../../i18n/context";
import type { ListedTemplate } from "../../templates/list";
import type { ListedProblem } from "../../templates/store";
import { TemplateCard } from "./TemplateCard";
import { UnitTemplates } from "./UnitTemplates";

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
      <UnitTemplates
        entries={entries.filter((e) => e.origin !== "builtIn")}
        problems={problems}
        onChoose={onChoose}
      />
    </>
  );
}
