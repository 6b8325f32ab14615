import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendingAccess, LIMITS } from '@partneratlas/shared';
import { CheckboxGroup, SelectField, TextField } from '../../../components/form/FormField';
import { localName } from '../../../lib/intl';
import type { EditableOrganisation } from '../hooks/useEditData';
import type { EditResult, SubmitEdit } from '../hooks/useEntityEdit';
import { emptyToNull, intOrNull, parseLanguageCodes, unknownLanguages, type Input } from '../utils/edit-form';
import { EntityForm } from './EntityForm';
import { LanguagesField } from './FormParts';

export type EditableService = EditableOrganisation['services'][number];

export interface ServiceValues {
  name: string;
  description: string;
  fieldsOfAction: string[];
  targetGroups: string[];
  languages: string;
  fees: string;
  free: 'unknown' | 'yes' | 'no';
  eligibility: string;
  attendingAccess: string[];
  capacity: string;
  locationIds: string[];
}

export const SERVICE_FIELDS = [
  'name',
  'description',
  'fieldsOfAction',
  'targetGroups',
  'languages',
  'fees',
  'free',
  'eligibility',
  'attendingAccess',
  'capacity',
  'locationIds',
] as const;

export function serviceValues(s: EditableService | null): ServiceValues {
  return {
    name: s?.name ?? '',
    description: s?.description ?? '',
    fieldsOfAction: s?.fieldsOfAction.map((x) => x.code) ?? [],
    targetGroups: s?.targetGroups.map((x) => x.code) ?? [],
    languages: s?.languages.join(', ') ?? '',
    fees: s?.fees ?? '',
    free: s?.free === true ? 'yes' : s?.free === false ? 'no' : 'unknown',
    eligibility: s?.eligibility ?? '',
    attendingAccess: [...(s?.attendingAccess ?? [])],
    capacity: s?.capacity === null || s?.capacity === undefined ? '' : String(s.capacity),
    locationIds: s?.locations.map((l) => l.id) ?? [],
  };
}

export function serviceInput(v: ServiceValues): Input {
  return {
    name: v.name.trim(),
    description: emptyToNull(v.description),
    fieldsOfAction: [...v.fieldsOfAction].sort(),
    targetGroups: [...v.targetGroups].sort(),
    languages: parseLanguageCodes(v.languages),
    fees: emptyToNull(v.fees),
    free: v.free === 'unknown' ? null : v.free === 'yes',
    eligibility: emptyToNull(v.eligibility),
    attendingAccess: [...v.attendingAccess].sort(),
    capacity: intOrNull(v.capacity),
    locationIds: [...v.locationIds].sort(),
  };
}

/** The form's own checks (field → problems), before anything is sent. */
function useValidateService(): (v: ServiceValues) => Record<string, string[]> {
  const { t } = useTranslation();
  return (v) => {
    const problems: Record<string, string[]> = {};
    if (!v.name.trim()) problems.name = [t('editing.errors.required')];
    const capacity = intOrNull(v.capacity);
    if (capacity !== null && (Number.isNaN(capacity) || capacity < 0)) problems.capacity = [t('editing.errors.capacity')];
    if (unknownLanguages(v.languages).length) problems.languages = [];
    return problems;
  };
}

interface Term {
  code: string;
  nameDe: string;
  nameEn: string;
  parentCode: string | null;
  sortOrder: number;
}

/** Terms in tree order with their depth (children indented under their parent). */
function treeOptions(terms: readonly Term[], language: string, extraCodes: readonly string[]) {
  const children = new Map<string | null, Term[]>();
  const codes = new Set(terms.map((x) => x.code));
  for (const term of terms) {
    const parent = term.parentCode && codes.has(term.parentCode) ? term.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), term]);
  }
  const out: { value: string; label: string; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const term of [...(children.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)) {
      out.push({ value: term.code, label: localName(term, language), depth });
      walk(term.code, depth + 1);
    }
  };
  walk(null, 0);
  // Codes the service has that are not in this vocabulary stay visible (and can be removed).
  for (const code of extraCodes) if (!codes.has(code)) out.push({ value: code, label: code, depth: 0 });
  return out;
}

export interface ServiceFormProps {
  service: EditableService | null;
  locations: EditableOrganisation['locations'];
  fieldsOfAction: readonly Term[];
  targetGroups: readonly Term[];
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  onCancel: () => void;
  onStale: () => void;
}

/** A service: what, for whom, in which languages, at what cost, how to get in, where. */
export function ServiceForm({ service, locations, fieldsOfAction, targetGroups, submit, onResult, onCancel, onStale }: ServiceFormProps) {
  const { t, i18n } = useTranslation();
  const validate = useValidateService();
  const initial = useMemo(() => serviceValues(service), [service]);
  const fieldOptions = useMemo(
    () => treeOptions(fieldsOfAction, i18n.language, initial.fieldsOfAction),
    [fieldsOfAction, i18n.language, initial],
  );
  const groupOptions = useMemo(
    () => treeOptions(targetGroups, i18n.language, initial.targetGroups),
    [targetGroups, i18n.language, initial],
  );
  const accessOptions = Object.values(AttendingAccess).map((a) => ({ value: a as string, label: t(`access.${a}`) }));
  const locationOptions = locations.map((l) => ({ value: l.id, label: l.name ?? l.street ?? t('detail.unnamedLocation') }));
  return (
    <EntityForm<ServiceValues>
      label={service ? t('editing.services.editLabel') : t('editing.services.add')}
      initial={initial}
      fields={SERVICE_FIELDS}
      toInput={serviceInput}
      validate={validate}
      mode={service ? 'update' : 'create'}
      version={service?.version ?? null}
      submit={submit}
      onResult={onResult}
      onCancel={onCancel}
      onStale={onStale}
      submitLabel={service ? t('editing.save') : t('editing.services.create')}
    >
      {({ values, set, errors }) => (
        <>
          <TextField
            label={t('fieldNames.name')}
            value={values.name}
            onChange={(v) => set('name', v)}
            required
            errors={errors.name}
            maxLength={LIMITS.nameMaxLength}
          />
          <TextField
            label={t('fieldNames.description')}
            multiline
            value={values.description}
            onChange={(v) => set('description', v)}
            errors={errors.description}
            maxLength={LIMITS.longTextMaxLength}
          />
          <CheckboxGroup
            legend={t('fieldNames.fieldsOfAction')}
            options={fieldOptions}
            selected={values.fieldsOfAction}
            onChange={(v) => set('fieldsOfAction', v)}
            errors={errors.fieldsOfAction}
          />
          <CheckboxGroup
            legend={t('fieldNames.targetGroups')}
            options={groupOptions}
            selected={values.targetGroups}
            onChange={(v) => set('targetGroups', v)}
            errors={errors.targetGroups}
          />
          <LanguagesField value={values.languages} onChange={(v) => set('languages', v)} errors={errors.languages} />
          <div className="form-grid">
            <SelectField
              label={t('fieldNames.free')}
              value={values.free}
              onChange={(v) => set('free', v)}
              options={[
                { value: 'unknown', label: t('editing.services.freeUnknown') },
                { value: 'yes', label: t('editing.services.freeYes') },
                { value: 'no', label: t('editing.services.freeNo') },
              ]}
              errors={errors.free}
            />
            <TextField
              label={t('fieldNames.fees')}
              value={values.fees}
              onChange={(v) => set('fees', v)}
              errors={errors.fees}
              hint={t('editing.hints.fees')}
            />
            <TextField
              label={t('fieldNames.capacity')}
              type="number"
              inputMode="numeric"
              min={0}
              value={values.capacity}
              onChange={(v) => set('capacity', v)}
              errors={errors.capacity}
              hint={t('editing.hints.capacity')}
            />
          </div>
          <TextField
            label={t('fieldNames.eligibility')}
            multiline
            rows={2}
            value={values.eligibility}
            onChange={(v) => set('eligibility', v)}
            errors={errors.eligibility}
          />
          <CheckboxGroup
            legend={t('fieldNames.attendingAccess')}
            options={accessOptions}
            selected={values.attendingAccess}
            onChange={(v) => set('attendingAccess', v)}
            errors={errors.attendingAccess}
          />
          <CheckboxGroup
            legend={t('fieldNames.locationIds')}
            options={locationOptions}
            selected={values.locationIds}
            onChange={(v) => set('locationIds', v)}
            errors={errors.locationIds}
            hint={locationOptions.length === 0 ? t('editing.services.noLocations') : undefined}
          />
        </>
      )}
    </EntityForm>
  );
}
