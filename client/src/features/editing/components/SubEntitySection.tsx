import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { ErrorCode, errorCodeOf } from '../../../lib/errors';
import type { EditResult } from '../hooks/useEntityEdit';
import { EditResultNotice, type EditNotice } from './EditResultNotice';

export interface SubEntitySectionProps<T> {
  /** Anchor id of the section (in-page navigation). */
  id: string;
  title: string;
  items: readonly T[];
  itemId: (item: T) => string;
  itemTitle: (item: T) => string;
  summary: (item: T) => ReactNode;
  /** The form for a new (item = null) or an existing entry; call onResult after saving. */
  form: (props: { item: T | null; onResult: (result: EditResult) => void; onCancel: () => void }) => ReactNode;
  onDelete: (item: T) => Promise<EditResult | null | undefined>;
  /** Entries that cannot be edited here (e.g. relationships pointing at this organisation). */
  readOnly?: (item: T) => boolean;
  addLabel: string;
  emptyText: string;
  /** Wording of the remove action when it is not a plain delete (services are archived). */
  removeWords?: { label: string; question: (name: string) => string; confirm: string };
  intro?: ReactNode;
}

/** A list of an organisation's entries (locations, services, …) with add, edit and delete; one form open at a time. */
export function SubEntitySection<T>({
  id,
  title,
  items,
  itemId,
  itemTitle,
  summary,
  form,
  onDelete,
  readOnly,
  addLabel,
  emptyText,
  intro,
  removeWords,
}: SubEntitySectionProps<T>) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const done = (operation: 'create' | 'update') => (result: EditResult) => {
    setOpen(null);
    setNotice({ kind: 'result', result, operation });
  };
  const remove = async (item: T) => {
    try {
      const result = await onDelete(item);
      if (result) setNotice({ kind: 'result', result, operation: 'delete' });
    } catch (error) {
      const code = errorCodeOf(error);
      setNotice({
        kind: 'error',
        text:
          code === ErrorCode.CONFLICT
            ? t('editing.errors.deleteConflict')
            : code === ErrorCode.FORBIDDEN
              ? t('editing.errors.forbidden')
              : t('editing.errors.save'),
      });
    }
  };
  return (
    <section id={id} className="edit-section" aria-labelledby={headingId}>
      <div className="edit-section__header">
        <h2 id={headingId}>
          {title} <span className="muted">({items.length})</span>
        </h2>
        {open !== 'new' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setOpen('new');
            }}
          >
            <span aria-hidden="true">+ </span>
            {addLabel}
          </button>
        )}
      </div>
      {intro}
      <EditResultNotice notice={notice} />
      {open === 'new' && (
        <div className="edit-card edit-card--form">
          <h3 className="edit-card__title">{addLabel}</h3>
          {form({ item: null, onResult: done('create'), onCancel: () => setOpen(null) })}
        </div>
      )}
      {items.length === 0 && open !== 'new' && <p className="muted">{emptyText}</p>}
      <ul className="edit-list">
        {items.map((item) => {
          const key = itemId(item);
          const editing = open === key;
          const locked = readOnly?.(item) ?? false;
          return (
            <li key={key} className={`edit-card${editing ? ' edit-card--form' : ''}`}>
              <h3 className="edit-card__title">{itemTitle(item)}</h3>
              {editing ? (
                form({ item, onResult: done('update'), onCancel: () => setOpen(null) })
              ) : (
                <>
                  <div className="edit-card__summary">{summary(item)}</div>
                  {!locked && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('editing.editItem', { name: itemTitle(item) })}
                        onClick={() => {
                          setNotice(null);
                          setOpen(key);
                        }}
                      >
                        {t('editing.edit')}
                      </button>
                      <ConfirmAction
                        label={removeWords?.label ?? t('editing.delete')}
                        question={removeWords?.question(itemTitle(item)) ?? t('editing.deleteQuestion', { name: itemTitle(item) })}
                        confirmLabel={removeWords?.confirm ?? t('editing.deleteConfirm')}
                        danger
                        onConfirm={() => remove(item)}
                      />
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
