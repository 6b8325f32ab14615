import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RelationshipType } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import { localName } from '../../../lib/intl';
import type { EditableOrganisation } from '../hooks/useEditData';
import type { EditResult, SubmitEdit } from '../hooks/useEntityEdit';
import { emptyToNull, type Input } from '../utils/edit-form';
import { EntityForm } from './EntityForm';
import { OrganisationPickerField, type OrganisationRef } from './FormParts';

export type EditableRelationship = EditableOrganisation['relationships'][number];

export interface RelationshipValues {
  target: OrganisationRef | null;
  type: string;
  validFrom: string;
  validTo: string;
  fieldOfActionCode: string;
  note: string;
}

export const RELATIONSHIP_FIELDS = [
  'sourceOrganisationId',
  'targetOrganisationId',
  'type',
  'validFrom',
  'validTo',
  'fieldOfActionCode',
  'note',
] as const;

export function relationshipValues(r: EditableRelationship | null): RelationshipValues {
  return {
    target: r ? { id: r.targetOrganisationId, name: r.target?.name ?? r.targetOrganisationId } : null,
    type: r?.type ?? RelationshipType.COOPERATION,
    validFrom: r?.validFrom ?? '',
    validTo: r?.validTo ?? '',
    fieldOfActionCode: r?.fieldOfActionCode ?? '',
    note: r?.note ?? '',
  };
}

/** The form's own checks (field → problems), before anything is sent. */
function useValidateRelationship(): (v: RelationshipValues) => Record<string, string[]> {
  const { t } = useTranslation();
  return (v) => {
    const problems: Record<string, string[]> = {};
    if (!v.target) problems.targetOrganisationId = [t('editing.errors.chooseOrganisation')];
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) problems.validTo = [t('editing.errors.dateOrder')];
    return problems;
  };
}

export interface RelationshipFormProps {
  organisationId: string;
  relationship: EditableRelationship | null;
  fieldsOfAction: readonly { code: string; nameDe: string; nameEn: string; parentCode: string | null }[];
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  onCancel: () => void;
  onStale: () => void;
}

/** A typed, dated relationship from this organisation to another. */
export function RelationshipForm({
  organisationId,
  relationship,
  fieldsOfAction,
  submit,
  onResult,
  onCancel,
  onStale,
}: RelationshipFormProps) {
  const { t, i18n } = useTranslation();
  const validate = useValidateRelationship();
  const initial = useMemo(() => relationshipValues(relationship), [relationship]);
  const toInput = useMemo(
    () =>
      (v: RelationshipValues): Input => ({
        sourceOrganisationId: organisationId,
        targetOrganisationId: v.target?.id ?? null,
        type: v.type,
        validFrom: v.validFrom || null,
        validTo: v.validTo || null,
        fieldOfActionCode: v.fieldOfActionCode || null,
        note: emptyToNull(v.note),
      }),
    [organisationId],
  );
  const types = Object.values(RelationshipType).map((x) => ({ value: x as string, label: t(`relationship.out.${x}`) }));
  const fields = [
    { value: '', label: t('editing.relationships.anyField') },
    ...fieldsOfAction.filter((x) => !x.parentCode).map((x) => ({ value: x.code, label: localName(x, i18n.language) })),
  ];
  return (
    <EntityForm<RelationshipValues>
      label={relationship ? t('editing.relationships.editLabel') : t('editing.relationships.add')}
      initial={initial}
      fields={RELATIONSHIP_FIELDS}
      toInput={toInput}
      validate={validate}
      mode={relationship ? 'update' : 'create'}
      version={relationship?.version ?? null}
      submit={submit}
      onResult={onResult}
      onCancel={onCancel}
      onStale={onStale}
      submitLabel={relationship ? t('editing.save') : t('editing.relationships.create')}
    >
      {({ values, set, errors }) => (
        <>
          <SelectField
            label={t('fieldNames.type')}
            value={values.type}
            onChange={(v) => set('type', v)}
            options={types}
            errors={errors.type}
          />
          <OrganisationPickerField
            label={t('fieldNames.targetOrganisationId')}
            value={values.target}
            onChange={(v) => set('target', v)}
            exclude={[organisationId]}
            errors={errors.targetOrganisationId}
            clearable={false}
          />
          <div className="form-grid">
            <TextField
              label={t('fieldNames.validFrom')}
              type="date"
              value={values.validFrom}
              onChange={(v) => set('validFrom', v)}
              errors={errors.validFrom}
            />
            <TextField
              label={t('fieldNames.validTo')}
              type="date"
              value={values.validTo}
              onChange={(v) => set('validTo', v)}
              errors={errors.validTo}
            />
            <SelectField
              label={t('fieldNames.fieldOfActionCode')}
              value={values.fieldOfActionCode}
              onChange={(v) => set('fieldOfActionCode', v)}
              options={fields}
              errors={errors.fieldOfActionCode}
            />
          </div>
          <TextField
            label={t('fieldNames.note')}
            multiline
            rows={2}
            value={values.note}
            onChange={(v) => set('note', v)}
            errors={errors.note}
          />
        </>
      )}
    </EntityForm>
  );
}
