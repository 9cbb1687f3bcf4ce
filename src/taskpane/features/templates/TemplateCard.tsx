// One template in the gallery: what it is, which periods it takes, which document it follows.
import { Button, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Template } from "../../../core/model/load";
import { useMessages } from "../../i18n/context";
import {
  acceptedPeriods,
  seedText,
  templateDescription,
  templateTitle,
} from "../../logic/template-text";

const useStyles = makeStyles({
  card: { rowGap: tokens.spacingVerticalS },
  title: { margin: 0, overflowWrap: "anywhere" },
  text: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  meta: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  label: { fontWeight: tokens.fontWeightSemibold },
  choose: { alignSelf: "flex-start" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

export function TemplateCard({
  template,
  onChoose,
  note,
  actions,
}: {
  template: Template;
  onChoose: (t: Template) => void;
  /** Where the template comes from and what it replaces ("Mẫu của đơn vị"). */
  note?: ReactNode;
  /** Buttons beside "Dùng mẫu này" (e.g. "Xoá mẫu"). */
  actions?: ReactNode;
}) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const title = templateTitle(template, lang);
  const seed = seedText(template.source);
  const headingId = `template-${template.id}-title`;
  return (
    <Card
      className={styles.card}
      size="small"
      role="listitem"
      aria-labelledby={headingId}
      data-template={template.id}
    >
      <CardHeader
        header={
          <Text as="h3" id={headingId} weight="semibold" size={300} className={styles.title}>
            {title}
          </Text>
        }
      />
      {templateDescription(template, lang) && (
        <Text as="p" size={200} className={styles.text}>
          {templateDescription(template, lang)}
        </Text>
      )}
      <Text as="p" size={200} className={styles.meta}>
        <span className={styles.label}>{m.gallery.periods}: </span>
        {template.periodKinds.map((k) => m.period.kinds[k]).join(", ")}.{" "}
        {acceptedPeriods(template.periodKinds, lang, m)}
      </Text>
      {seed && (
        <Text as="p" size={200} className={styles.meta}>
          <span className={styles.label}>{m.gallery.seed}: </span>
          {seed}
        </Text>
      )}
      {note}
      <div className={styles.actions}>
        <Button
          className={styles.choose}
          appearance="primary"
          size="small"
          onClick={() => onChoose(template)}
          aria-label={m.gallery.chooseLabel(title)}
        >
          {m.gallery.choose}
        </Button>
        {actions}
      </div>
    </Card>
  );
}
