// Sheets about to be deleted, listed in a confirmation dialog.
import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalS} 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: "30vh",
    overflowY: "auto",
  },
});

export function SheetList({
  intro,
  sheets,
  outro,
}: {
  intro: string;
  sheets: readonly string[];
  outro?: string;
}) {
  const styles = useStyles();
  return (
    <>
      <Text as="p" style={{ margin: 0 }}>
        {intro}
      </Text>
      <ul className={styles.list} data-testid="dialog-sheets">
        {sheets
          // BáoCáo's own hidden sheets ("_BaoCao") mean nothing to users.
          .filter((s) => !s.startsWith("_"))
          .map((s) => (
            <li key={s}>{s}</li>
          ))}
      </ul>
      {outro && (
        <Text as="p" style={{ margin: 0 }}>
          {outro}
        </Text>
      )}
    </>
  );
}
