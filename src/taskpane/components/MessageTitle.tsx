// A MessageBar title on a line of its own (Fluent runs it into the body text), so the message reads
// as "what happened" then "what to do" in a narrow pane.
import { MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({ title: { display: "block" } });

export function MessageTitle({ children }: { children: ReactNode }) {
  return <MessageBarTitle className={useStyles().title}>{children}</MessageBarTitle>;
}
