// The outcome of "Chèn mẫu" / "Tạo sổ tính": sheets made, renamed sheets, features the host lacks.
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { MessageTitle } from "../../components/MessageTitle";
import type { InsertReport } from "../../logic/insert-report";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  line: { display: "block", margin: `${tokens.spacingVerticalXXS} 0 0`, overflowWrap: "anywhere" },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

export function ResultBar({ title, report }: { title: string; report: InsertReport }) {
  const styles = useStyles();
  return (
    <div className={styles.stack} data-testid="insert-result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageTitle>{title}</MessageTitle>
          {report.lines.map((line, i) => (
            <span key={i} className={styles.line} data-testid="result-line">
              {line}
            </span>
          ))}
        </MessageBarBody>
      </MessageBar>
      {report.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline" data-testid="result-warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {report.debug && (
        <Text size={200} className={styles.debug} data-testid="debug-line">
          {report.debug}
        </Text>
      )}
    </div>
  );
}
