import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { useFieldLabel, useFieldValueFormatter } from '../../../lib/field-values';
import { isEditableScalar, parseEdited, type ConflictChoice, type ConflictRow } from '../utils/edit-form';

export interface ConflictDialogProps {
  rows: readonly ConflictRow[];
  onResolve: (choices: Record<string, ConflictChoice>) => void;
  /** Close and keep editing (the next save conflicts again). */
  onCancel: () => void;
  /** Drop the own changes and load the stored entry. */
  onDiscard: () => void;
}

type Pick = 'mine' | 'theirs' | 'edited';

/**
 * Someone saved the entry in the meantime. Per field the editor sees their value beside the stored one and
 * chooses one of them or writes a third; the merged values are saved against the new version.
 */
export function ConflictDialog({ rows, onResolve, onCancel, onDiscard }: ConflictDialogProps) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const format = useFieldValueFormatter();
  const [picks, setPicks] = useState<Record<string, Pick>>(() => Object.fromEntries(rows.map((r) => [r.field, 'mine'])));
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.field, r.mine === null || r.mine === undefined ? '' : String(r.mine)])),
  );

  const submit = () => {
    const choices: Record<string, ConflictChoice> = {};
    for (const row of rows) {
      const pick = picks[row.field] ?? 'mine';
      choices[row.field] = pick === 'edited' ? { kind: 'edited', value: parseEdited(row, texts[row.field] ?? '') } : { kind: pick };
    }
    onResolve(choices);
  };

  return (
    <Dialog
      open
      wide
      title={t('editing.conflict.title')}
      onClose={onCancel}
      footer={
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={submit}>
            {t('editing.conflict.saveMerged')}
          </button>
          <button type="button" className="button" onClick={onDiscard}>
            {t('editing.conflict.discard')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      }
    >
      <p>{t('editing.conflict.intro')}</p>
      <div className="conflict-list">
        {rows.map((row) => {
          const name = `conflict-${row.field}`;
          const pick = picks[row.field] ?? 'mine';
          const set = (p: Pick) => setPicks((prev) => ({ ...prev, [row.field]: p }));
          const long = String(row.mine ?? '').length > 60 || String(row.theirs ?? '').length > 60;
          return (
            <fieldset key={row.field} className="conflict">
              <legend className="conflict__legend">{label(row.field)}</legend>
              <div className="conflict__sides">
                <label className={`conflict__side${pick === 'mine' ? ' conflict__side--chosen' : ''}`}>
                  <span className="conflict__choice">
                    <input type="radio" name={name} value="mine" checked={pick === 'mine'} onChange={() => set('mine')} />
                    <span className="conflict__heading">{t('editing.conflict.mine')}</span>
                  </span>
                  <span className="conflict__value">{format(row.mine)}</span>
                </label>
                <label className={`conflict__side${pick === 'theirs' ? ' conflict__side--chosen' : ''}`}>
                  <span className="conflict__choice">
                    <input type="radio" name={name} value="theirs" checked={pick === 'theirs'} onChange={() => set('theirs')} />
                    <span className="conflict__heading">{t('editing.conflict.theirs')}</span>
                  </span>
                  <span className="conflict__value">{format(row.theirs)}</span>
                </label>
              </div>
              {isEditableScalar(row) && (
                <div className="conflict__edit">
                  <label className="check">
                    <input type="radio" name={name} value="edited" checked={pick === 'edited'} onChange={() => set('edited')} />
                    <span>{t('editing.conflict.edit')}</span>
                  </label>
                  {pick === 'edited' &&
                    (long ? (
                      <textarea
                        aria-label={t('editing.conflict.editLabel', { field: label(row.field) })}
                        rows={4}
                        value={texts[row.field] ?? ''}
                        onChange={(e) => setTexts((prev) => ({ ...prev, [row.field]: e.target.value }))}
                      />
                    ) : (
                      <input
                        type="text"
                        aria-label={t('editing.conflict.editLabel', { field: label(row.field) })}
                        value={texts[row.field] ?? ''}
                        onChange={(e) => setTexts((prev) => ({ ...prev, [row.field]: e.target.value }))}
                      />
                    ))}
                </div>
              )}
            </fieldset>
          );
        })}
      </div>
    </Dialog>
  );
}
