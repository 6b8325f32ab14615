import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}

/** A modal side drawer on the native <dialog>: focus is trapped, Escape closes, focus returns to the opener. */
export function Drawer({ open, title, onClose, children, footer }: DrawerProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="drawer__header">
        <h2 id={titleId} className="drawer__title">
          {title}
        </h2>
        <button type="button" className="button button--icon" onClick={onClose} aria-label={t('common.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="drawer__body">{children}</div>
      {footer && <div className="drawer__footer">{footer}</div>}
    </dialog>
  );
}
