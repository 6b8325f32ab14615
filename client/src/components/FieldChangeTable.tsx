import { useTranslation } from 'react-i18next';
import { useFieldLabel, useFieldValueFormatter } from '../lib/field-values';

export interface FieldChangeRow {
  field: string;
  oldValue?: unknown;
  newValue?: unknown;
}

/**
 * A field-by-field diff: field, value before (struck through) and after (underlined). The words
 * "vorher"/"nachher" are in the header, so meaning never rests on colour alone.
 */
export function FieldChangeTable({ changes, caption }: { changes: readonly FieldChangeRow[]; caption?: string }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const format = useFieldValueFormatter();
  if (changes.length === 0) return <p className="muted">{t('diff.noChanges')}</p>;
  return (
    <table className="diff-table">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('diff.field')}</th>
          <th scope="col">{t('diff.old')}</th>
          <th scope="col">{t('diff.new')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{label(c.field)}</th>
            <td className="diff-table__old">
              {c.oldValue === null || c.oldValue === undefined || c.oldValue === '' ? (
                <span className="muted">{format(c.oldValue)}</span>
              ) : (
                <del>{format(c.oldValue)}</del>
              )}
            </td>
            <td className="diff-table__new">
              {c.newValue === null || c.newValue === undefined || c.newValue === '' ? (
                <span className="muted">{format(c.newValue)}</span>
              ) : (
                <ins>{format(c.newValue)}</ins>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
