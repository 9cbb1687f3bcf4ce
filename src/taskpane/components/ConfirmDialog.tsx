// A modal question with two answers, usable from async code: `await ask(content)` resolves true
// (confirm) or false (cancel, Esc, closing the dialog). `choose` also offers a third, safe answer
// (content.alternative, the primary button) and resolves "confirm", "alternative" or "cancel".
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
  /** A third answer that changes nothing the user has ("Mở sổ mới"): shown as the primary button. */
  alternative?: string;
}

export type ConfirmAnswer = "confirm" | "alternative" | "cancel";

export function useConfirm(): {
  dialog: ReactNode;
  ask: (content: ConfirmContent) => Promise<boolean>;
  choose: (content: ConfirmContent) => Promise<ConfirmAnswer>;
} {
  const [content, setContent] = useState<ConfirmContent | null>(null);
  const resolver = useRef<((a: ConfirmAnswer) => void) | null>(null);

  const answer = useCallback((a: ConfirmAnswer | boolean) => {
    resolver.current?.(a === true ? "confirm" : a === false ? "cancel" : a);
    resolver.current = null;
    setContent(null);
  }, []);

  const choose = useCallback((c: ConfirmContent) => {
    resolver.current?.("cancel");
    setContent(c);
    return new Promise<ConfirmAnswer>((resolve) => (resolver.current = resolve));
  }, []);

  const ask = useCallback(
    async (c: ConfirmContent) => (await choose({ ...c, alternative: undefined })) === "confirm",
    [choose]
  );

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
                appearance={content.alternative ? "secondary" : "primary"}
                onClick={() => answer(true)}
                style={
                  content.danger && !content.alternative
                    ? { backgroundColor: tokens.colorPaletteRedBackground3 }
                    : content.danger
                      ? { color: tokens.colorPaletteRedForeground1 }
                      : undefined
                }
                data-testid="confirm-dialog-confirm"
              >
                {content.confirm}
              </Button>
              {content.alternative && (
                <Button
                  appearance="primary"
                  onClick={() => answer("alternative")}
                  data-testid="confirm-dialog-alternative"
                >
                  {content.alternative}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
  return { dialog, ask, choose };
}
