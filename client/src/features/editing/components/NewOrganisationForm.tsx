import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, OrganisationKind } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import { organisationEditPath } from '../../../config/routes';
import { useEditMutations } from '../hooks/useEditMutations';
import type { EditResult } from '../hooks/useEntityEdit';
import { EditResultNotice, type EditNotice } from './EditResultNotice';
import { EntityForm } from './EntityForm';

interface NewValues {
  kind: string;
  name: string;
}

const NEW_FIELDS = ['kind', 'name'] as const;
const toInput = (v: NewValues) => ({ kind: v.kind, name: v.name.trim() });

/** "Neue Organisation": kind and name; it starts as a draft and opens for editing. */
export function NewOrganisationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const m = useEditMutations();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const [initial] = useState<NewValues>({ kind: OrganisationKind.INITIATIVE_OTHER, name: '' });
  const kinds = Object.values(OrganisationKind).map((k) => ({ value: k as string, label: t(`kind.name.${k}`) }));

  const onResult = (result: EditResult) => {
    setOpen(false);
    if (result.outcome === 'APPLIED' && result.entityId) void navigate(organisationEditPath(result.entityId));
    else setNotice({ kind: 'result', result, operation: 'create' });
  };

  return (
    <div className="new-org">
      <EditResultNotice notice={notice} />
      {!open ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          <span aria-hidden="true">+ </span>
          {t('editing.new.open')}
        </button>
      ) : (
        <div className="edit-card edit-card--form">
          <h3 className="edit-card__title">{t('editing.new.title')}</h3>
          <p className="form-field__hint">{t('editing.new.hint')}</p>
          <EntityForm<NewValues>
            label={t('editing.new.title')}
            initial={initial}
            fields={NEW_FIELDS}
            toInput={toInput}
            validate={(v): Record<string, string[]> => (v.name.trim() ? {} : { name: [t('editing.errors.required')] })}
            mode="create"
            version={null}
            submit={(input) => m.createOrganisation(input)}
            onResult={onResult}
            onCancel={() => setOpen(false)}
            submitLabel={t('editing.new.submit')}
          >
            {({ values, set, errors }) => (
              <div className="form-grid">
                <TextField
                  label={t('fieldNames.name')}
                  value={values.name}
                  onChange={(v) => set('name', v)}
                  required
                  errors={errors.name}
                  maxLength={LIMITS.nameMaxLength}
                />
                <SelectField
                  label={t('fieldNames.kind')}
                  value={values.kind}
                  onChange={(v) => set('kind', v)}
                  options={kinds}
                  errors={errors.kind}
                />
              </div>
            )}
          </EntityForm>
        </div>
      )}
    </div>
  );
}
