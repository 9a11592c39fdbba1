import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A native modal dialog: it keeps focus inside, closes on Escape and gives
 * focus back to the button that opened it.
 */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => {
      // Closing because the parent removed us must not report a close back to it.
      unmounting.current = true;
      element?.close();
    };
  }, []);
  const reportClose = () => {
    if (!unmounting.current) onClose();
  };
  return (
    <dialog ref={dialog} class="modal" aria-labelledby={titleId} onClose={reportClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
