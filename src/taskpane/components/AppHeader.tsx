// The compact header: logo, name, the mode badge and the language switch.
import { Badge, Button, Text, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons/svg/local-language";
import { useMessages } from "../i18n/context";
import type { SessionMode } from "../session";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: "28px", height: "28px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0, flexGrow: 1 },
  name: { lineHeight: tokens.lineHeightBase400 },
  badge: {
    maxWidth: "100%",
    whiteSpace: "normal",
    height: "auto",
    minHeight: "20px",
    textAlign: "start",
  },
  language: { flexShrink: 0, minWidth: "auto" },
});

export function AppHeader({
  mode,
  onSwitchLanguage,
}: {
  mode: SessionMode;
  onSwitchLanguage: () => void;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const hosted = mode === "hosted";
  return (
    <header className={styles.header}>
      <img
        className={styles.logo}
        src="assets/logo-filled.png"
        alt={m.app.logoAlt}
        width={28}
        height={28}
      />
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={400} className={styles.name} style={{ margin: 0 }}>
          {m.app.name}
        </Text>
        <Tooltip
          content={hosted ? m.app.modeHostedTitle : m.app.modePreviewTitle}
          relationship="description"
        >
          <Badge
            className={styles.badge}
            appearance="tint"
            size="small"
            color={hosted ? "success" : "warning"}
            data-testid="mode-badge"
            tabIndex={0}
          >
            {hosted ? m.app.modeHosted : m.app.modePreview}
          </Badge>
        </Tooltip>
      </div>
      <Tooltip content={m.app.switchLanguage} relationship="label">
        <Button
          className={styles.language}
          appearance="subtle"
          size="small"
          icon={<LocalLanguageRegular />}
          onClick={onSwitchLanguage}
        >
          {m.app.switchLanguageShort}
        </Button>
      </Tooltip>
    </header>
  );
}
