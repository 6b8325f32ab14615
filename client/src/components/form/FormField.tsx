import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and errors. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FormFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Problems shown next to the field (from client checks or the server's BAD_USER_INPUT). */
  errors?: readonly string[];
  required?: boolean;
  className?: string;
  /** A stable id for the control (tests, links from an error summary); generated when left out. */
  id?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label above, control, hint and errors below; the control is described by both. */
export function FormField({ label, hint, errors, required = false, className, id, children }: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hasErrors ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${hasErrors ? ' form-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={controlId} className="form-field__label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': hasErrors ? true : undefined })}
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {hasErrors && (
        <ul id={errorId} className="form-field__errors">
          {errors!.map((message) => (
            <li key={message}>
              <span aria-hidden="true">⚠ </span>
              {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type InputType = 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: InputType;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'url' | 'tel';
  min?: number | string;
  max?: number | string;
  step?: number | string;
  minLength?: number;
  maxLength?: number;
  name?: string;
  id?: string;
  className?: string;
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  multiline = false,
  rows = 4,
  hint,
  errors,
  required,
  className,
  id,
  ...rest
}: TextFieldProps) {
  return (
    <FormField label={label} hint={hint} errors={errors} required={required} className={className} id={id}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={rows}
            value={value}
            required={required}
            maxLength={rest.maxLength}
            name={rest.name}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...control} {...rest} type={type} value={value} required={required} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </FormField>
  );
}

export interface SelectFieldProps<V extends string> {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string; disabled?: boolean }[];
  hint?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  id?: string;
  className?: string;
}

export function SelectField<V extends string>({
  label,
  value,
  onChange,
  options,
  hint,
  errors,
  required,
  id,
  className,
}: SelectFieldProps<V>) {
  return (
    <FormField label={label} hint={hint} errors={errors} required={required} id={id} className={className}>
      {(control) => (
        <select {...control} value={value} required={required} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  errors?: readonly string[];
  id?: string;
}

/** A checkbox with its label beside it; hint and errors below. */
export function CheckboxField({ label, checked, onChange, hint, errors, id }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hasErrors ? `${controlId}-error` : null, hint ? `${controlId}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field form-field--check${hasErrors ? ' form-field--invalid' : ''}`}>
      <label className="check" htmlFor={controlId}>
        <input
          id={controlId}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={hasErrors ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${controlId}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {hasErrors && (
        <ul id={`${controlId}-error`} className="form-field__errors">
          {errors!.map((m) => (
            <li key={m}>
              <span aria-hidden="true">⚠ </span>
              {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface CheckboxGroupProps {
  legend: ReactNode;
  options: readonly { value: string; label: string; depth?: number }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  errors?: readonly string[];
  hint?: ReactNode;
  columns?: boolean;
}

/** A fieldset of checkboxes (e.g. fields of action); `depth` indents child terms. */
export function CheckboxGroup({ legend, options, selected, onChange, errors, hint, columns = true }: CheckboxGroupProps) {
  const id = useId();
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hasErrors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const set = new Set(selected);
  return (
    <fieldset className={`form-group${hasErrors ? ' form-field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      <div className={columns ? 'form-check-columns' : undefined}>
        {options.map((o) => (
          <label key={o.value} className="check" style={o.depth ? { paddingLeft: `${o.depth * 1.25}rem` } : undefined}>
            <input
              type="checkbox"
              checked={set.has(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hasErrors && (
        <ul id={`${id}-error`} className="form-field__errors">
          {errors!.map((m) => (
            <li key={m}>
              <span aria-hidden="true">⚠ </span>
              {m}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
