// The layout every tab shares (a column: intro, actions, results), so the tabs look alike and a
// spacing change is made once. Spread into a tab's own makeStyles: makeStyles({ ...FEATURE_LAYOUT, ... }).
import { tokens } from "@fluentui/react-components";

export const FEATURE_LAYOUT = {
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
} as const;
