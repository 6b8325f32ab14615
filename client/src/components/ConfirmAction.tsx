import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmActionProps {
  /** Text of the first button. */
  label: ReactNode;
  /** The question asked before acting, e.g. "Diesen Standort löschen?". */
  question: ReactNode;
  /** Text of the confirming button; "Ja" when left out. */
  confirmLabel?: ReactNode;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
  small?: boolean;
}

/** A button that asks once more, in place, before it acts (delete, restore, revoke). Keyboard: focus moves to the question. */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled = false,
  danger = false,
  small = true,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const size = small ? ' button--small' : '';
  if (!asking) {
    return (
      <button
        type="button"
        className={`button${size}${danger ? ' button--danger' : ''}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={typeof question === 'string' ? question : undefined}>
      <span className="confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className={`button${size} ${danger ? 'button--danger-solid' : 'button--primary'}`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void Promise.resolve(onConfirm()).finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel ?? t('common.yes')}
      </button>
      <button type="button" className={`button${size}`} disabled={busy} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
