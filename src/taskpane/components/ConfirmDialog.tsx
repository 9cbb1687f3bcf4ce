// A modal question with two answers, usable from async code: `await ask(content)` resolves true
// (confirm) or false (cancel, Esc, closing the dialog).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useRef, useState, type ReactNode } from "react";

export interface ConfirmContent {
  title: string;
  body: ReactNode;
  confirm: string;
  cancel: string;
  /** Destructive actions get a red confirm button. */
  danger?: boolean;
}

export function useConfirm(): {
  dialog: ReactNode;
  ask: (content: ConfirmContent) => Promise<boolean>;
} {
  const [content, setContent] = useState<ConfirmContent | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const answer = useCallback((ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setContent(null);
  }, []);

  const ask = useCallback((c: ConfirmContent) => {
    resolver.current?.(false);
    setContent(c);
    return new Promise<boolean>((resolve) => (resolver.current = resolve));
  }, []);

  const dialog = (
    <Dialog
      open={content !== null}
      modalType="modal"
      onOpenChange={(_, d) => !d.open && answer(false)}
    >
      <DialogSurface
        aria-describedby="confirm-dialog-body"
        style={{ maxWidth: "min(560px, calc(100vw - 24px))" }}
      >
        {content && (
          <DialogBody>
            <DialogTitle>{content.title}</DialogTitle>
            <DialogContent id="confirm-dialog-body">{content.body}</DialogContent>
            <DialogActions fluid>
              <Button appearance="secondary" onClick={() => answer(false)}>
                {content.cancel}
              </Button>
              <Button
                appearance="primary"
                onClick={() => answer(true)}
                style={
                  content.danger
                    ? { backgroundColor: tokens.colorPaletteRedBackground3 }
                    : undefined
                }
              >
                {content.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
  return { dialog, ask };
}
