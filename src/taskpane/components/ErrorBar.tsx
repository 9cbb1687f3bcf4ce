// An error in a MessageBar: what failed (title), what to do, and the technical detail for support.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
} from "@fluentui/react-components";
import { MessageTitle } from "./MessageTitle";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { useMessages } from "../i18n/context";
import { describeError } from "../logic/errors";

export function ErrorBar({
  title,
  error,
  onDismiss,
}: {
  title: string;
  error: unknown;
  onDismiss?: () => void;
}) {
  const { messages: m } = useMessages();
  const report = describeError(error, m);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageTitle>{title}</MessageTitle>
        {report.advice}
        {report.detail && (
          <Text as="p" size={200} style={{ margin: "4px 0 0", wordBreak: "break-word" }}>
            {m.errors.detail(report.detail)}
          </Text>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              icon={<DismissRegular />}
              aria-label={m.errors.dismiss}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
