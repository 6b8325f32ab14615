import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntityEdit, type EditResult, type SubmitEdit } from '../hooks/useEntityEdit';
import { changedInput, filledInput, type Input } from '../utils/edit-form';
import { ConflictDialog } from './ConflictDialog';

export interface FormContext<V> {
  values: V;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** Problems per field: the form's own checks and the server's BAD_USER_INPUT. */
  errors: Record<string, string[]>;
}

export interface EntityFormProps<V> {
  /** Accessible name of the form. */
  label: string;
  initial: V;
  /** The API field names of this form (where server problems go). */
  fields: readonly string[];
  toInput: (values: V) => Input;
  /** Checks before sending; field name → problems. */
  validate?: (values: V) => Record<string, string[]>;
  /** update: only changed fields with the loaded version; create: every filled field. */
  mode: 'create' | 'update';
  version: number | null;
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  /** The stored entry must be reloaded (conflict discarded, or nothing left to save). */
  onStale?: () => void;
  onCancel?: () => void;
  submitLabel: string;
  className?: string;
  children: (context: FormContext<V>) => ReactNode;
}

/**
 * The shell of every editing form: holds the values, sends only what changed with the version it was
 * loaded at, shows problems next to their fields, and opens the merge dialog on a conflict.
 */
export function EntityForm<V>({
  label,
  initial,
  fields,
  toInput,
  validate,
  mode,
  version,
  submit,
  onResult,
  onStale,
  onCancel,
  submitLabel,
  className,
  children,
}: EntityFormProps<V>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const base = useMemo(() => toInput(initial), [toInput, initial]);
  const edit = useEntityEdit({ submit, onResult, fields, onStale });

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((prev) => ({ ...prev, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate?.(values) ?? {};
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) {
      edit.setFormErrors([t('editing.errors.checkFields')]);
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    const full = toInput(values);
    const input = mode === 'update' ? changedInput(base, full) : filledInput(full);
    if (mode === 'update' && Object.keys(input).length === 0) {
      edit.setFormErrors([t('editing.errors.nothingChanged')]);
      return;
    }
    const form = event.currentTarget as HTMLFormElement;
    const ok = await edit.run(input, mode === 'update' ? version : null);
    if (!ok) requestAnimationFrame(() => focusFirstInvalid(form));
  };

  const errors = { ...edit.fieldErrors, ...clientErrors };
  return (
    <form
      className={`form entity-form${className ? ` ${className}` : ''}`}
      aria-label={label}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      {edit.formErrors.length > 0 && (
        <div className="form-alert" role="alert" tabIndex={-1}>
          {edit.formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {children({ values, set, errors })}
      <div className="button-row entity-form__actions">
        <button type="submit" className="button button--primary" disabled={edit.busy}>
          {edit.busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={edit.busy}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {edit.conflict && (
        <ConflictDialog
          rows={edit.conflict.rows}
          onResolve={(choices) => void edit.resolveConflict(choices)}
          onCancel={edit.cancelConflict}
          onDiscard={() => {
            edit.cancelConflict();
            onStale?.();
          }}
        />
      )}
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement) {
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  (invalid ?? form.querySelector<HTMLElement>('.form-alert'))?.focus?.();
}
