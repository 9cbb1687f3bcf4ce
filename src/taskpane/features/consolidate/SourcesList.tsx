// Every file read, with its status badge (Đã dùng / Bị loại / Dùng dù có lỗi / Đã thay bằng tệp
// khác / Bản trùng, as on the "Nguồn tổng hợp" sheet), its review state (Đã nhận / Cần sửa /
// Đã duyệt), its unit and the reasons it was left out or what to know about it; and the round's
// actions: "Dùng tệp này" on a replaced file, "Duyệt" on a clean one, "Trả lại" on one to fix.
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReplyRegular } from "@fluentui/react-icons/svg/arrow-reply";
import { ArrowSwapRegular } from "@fluentui/react-icons/svg/arrow-swap";
import { CheckmarkRegular } from "@fluentui/react-icons/svg/checkmark";
import type { SourceRecord } from "../../../core/data/types";
import { useMessages } from "../../i18n/context";
import { canApprove, canReturn, sourcesInOrder } from "../../logic/consolidate-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "50vh",
    overflowY: "auto",
    overscrollBehavior: "contain",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":not(:first-child)": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  reason: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
  },
});

const REVIEW_COLORS = { received: "brand", needsFix: "danger", approved: "success" } as const;

export interface SourceActions {
  /** "Dùng tệp này": consolidate again with this file for its unit. */
  onPrefer(file: string): void;
  /** "Duyệt": consolidate again with this file approved. */
  onApprove(source: SourceRecord): void;
  /** "Trả lại": show the return note of this file. */
  onReturn(source: SourceRecord): void;
  disabled: boolean;
}

const COLORS = {
  used: "success",
  leftOut: "danger",
  forced: "warning",
  superseded: "informative",
  duplicate: "subtle",
} as const;

export function SourcesList({
  sources,
  actions,
}: {
  sources: readonly SourceRecord[];
  /** Absent when nothing was written (no round to act on). */
  actions?: SourceActions;
}) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const t = m.consolidate.sources;
  return (
    <section className={styles.root} aria-labelledby="consolidate-sources-heading">
      <Text
        as="h3"
        size={300}
        weight="semibold"
        id="consolidate-sources-heading"
        className={styles.heading}
      >
        {t.heading}
      </Text>
      {lang !== "vi" && (
        <Text as="p" size={200} className={styles.note}>
          {t.languageNote}
        </Text>
      )}
      <ul className={styles.list} data-testid="consolidate-sources">
        {sourcesInOrder(sources).map((s) => (
          <li
            key={`${s.file}-${s.checksum}`}
            className={styles.item}
            data-testid="consolidate-source"
            data-file={s.file}
            data-status={s.status}
            data-review={s.review ?? ""}
          >
            <span className={styles.top}>
              <Badge appearance="tint" color={COLORS[s.status]} data-testid="source-status">
                {t.status[s.status]}
              </Badge>
              {s.review && (
                <Badge
                  appearance="outline"
                  color={REVIEW_COLORS[s.review]}
                  data-testid="source-review"
                >
                  {t.review[s.review]}
                </Badge>
              )}
              <span className={styles.file}>{s.file}</span>
            </span>
            {s.supersededBy && (
              <Text size={200} className={styles.detail} data-testid="source-replaced-by">
                {t.replacedBy(s.supersededBy)}
              </Text>
            )}
            {s.approvedAt && (
              <Text size={200} className={styles.detail}>
                {t.approvedAt(
                  new Date(s.approvedAt).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")
                )}
              </Text>
            )}
            <Text size={200} className={styles.detail}>
              {s.unit ? t.unit(s.unit) : t.noUnit}
              {(s.errors > 0 || s.warnings > 0) && ` · ${t.counts(s.errors, s.warnings)}`}
            </Text>
            {s.reasons.length > 0 && (
              <ul className={styles.reasons}>
                {s.reasons.map((r, i) => (
                  <li key={i} className={styles.reason} lang="vi" data-testid="source-reason">
                    {r}
                  </li>
                ))}
              </ul>
            )}
            {actions && (s.status === "superseded" || canApprove(s) || canReturn(s)) && (
              <span className={styles.actions}>
                {s.status === "superseded" && (
                  <Button
                    size="small"
                    icon={<ArrowSwapRegular />}
                    onClick={() => actions.onPrefer(s.file)}
                    disabled={actions.disabled}
                    aria-label={t.preferLabel(s.file)}
                    data-testid="source-prefer"
                  >
                    {t.prefer}
                  </Button>
                )}
                {canApprove(s) && (
                  <Button
                    size="small"
                    icon={<CheckmarkRegular />}
                    onClick={() => actions.onApprove(s)}
                    disabled={actions.disabled}
                    aria-label={t.approveLabel(s.file)}
                    data-testid="source-approve"
                  >
                    {t.approve}
                  </Button>
                )}
                {canReturn(s) && (
                  <Button
                    size="small"
                    icon={<ArrowReplyRegular />}
                    onClick={() => actions.onReturn(s)}
                    disabled={actions.disabled}
                    aria-label={t.returnLabel(s.file)}
                    data-testid="source-return"
                  >
                    {t.returnNote}
                  </Button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
