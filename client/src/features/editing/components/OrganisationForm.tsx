import { useTranslation } from 'react-i18next';
import { LIMITS, OrganisationKind } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import type { EditResult, SubmitEdit } from '../hooks/useEntityEdit';
import type { EditableOrganisation } from '../hooks/useEditData';
import { emptyToNull, intOrNull, parseLanguageCodes, unknownLanguages, type Input } from '../utils/edit-form';
import { EntityForm } from './EntityForm';
import { LanguagesField, OrganisationPickerField, PhonesField, type OrganisationRef, type PhoneValue } from './FormParts';

export interface OrganisationValues {
  kind: string;
  name: string;
  alternateName: string;
  description: string;
  website: string;
  email: string;
  phones: PhoneValue[];
  languages: string;
  yearFounded: string;
  parent: OrganisationRef | null;
}

export const ORGANISATION_FIELDS = [
  'kind',
  'name',
  'alternateName',
  'description',
  'website',
  'email',
  'phones',
  'languages',
  'yearFounded',
  'parentOrganisationId',
] as const;

export function organisationValues(o: EditableOrganisation): OrganisationValues {
  return {
    kind: o.kind,
    name: o.name,
    alternateName: o.alternateName ?? '',
    description: o.description ?? '',
    website: o.website ?? '',
    email: o.email ?? '',
    phones: o.phones.map((p) => ({ number: p.number, description: p.description ?? '' })),
    languages: o.languages.join(', '),
    yearFounded: o.yearFounded === null ? '' : String(o.yearFounded),
    parent: o.parent
      ? { id: o.parent.id, name: o.parent.name }
      : o.parentOrganisationId
        ? { id: o.parentOrganisationId, name: o.parentOrganisationId }
        : null,
  };
}

/** Form values → UpdateOrganisationInput (every field; the form sends only the changed ones). */
export function organisationInput(v: OrganisationValues): Input {
  return {
    kind: v.kind,
    name: v.name.trim(),
    alternateName: emptyToNull(v.alternateName),
    description: emptyToNull(v.description),
    website: emptyToNull(v.website),
    email: emptyToNull(v.email),
    phones: v.phones.filter((p) => p.number.trim()).map((p) => ({ number: p.number.trim(), description: emptyToNull(p.description) })),
    languages: parseLanguageCodes(v.languages),
    yearFounded: intOrNull(v.yearFounded),
    parentOrganisationId: v.parent?.id ?? null,
  };
}

/** The form's own checks (field → problems), before anything is sent. */
export function useValidateOrganisation(): (v: OrganisationValues) => Record<string, string[]> {
  const { t } = useTranslation();
  return (v) => {
    const problems: Record<string, string[]> = {};
    if (!v.name.trim()) problems.name = [t('editing.errors.required')];
    else if (v.name.trim().length > LIMITS.nameMaxLength) problems.name = [t('editing.errors.tooLong', { max: LIMITS.nameMaxLength })];
    if (v.website.trim() && !/^https?:\/\/\S+\.\S+/.test(v.website.trim())) problems.website = [t('editing.errors.url')];
    if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) problems.email = [t('editing.errors.email')];
    const year = intOrNull(v.yearFounded);
    if (year !== null && (Number.isNaN(year) || year < 1800 || year > new Date().getFullYear()))
      problems.yearFounded = [t('editing.errors.year', { max: new Date().getFullYear() })];
    // The languages field lists unknown codes itself; an empty entry only blocks sending.
    if (unknownLanguages(v.languages).length) problems.languages = [];
    if (v.phones.some((p) => !p.number.trim() && p.description.trim())) problems.phones = [t('editing.errors.phoneNumber')];
    return problems;
  };
}

export interface OrganisationFormProps {
  organisation: EditableOrganisation;
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  onStale: () => void;
}

/** The organisation's own fields (UpdateOrganisationInput). */
export function OrganisationForm({ organisation, submit, onResult, onStale }: OrganisationFormProps) {
  const { t } = useTranslation();
  const validate = useValidateOrganisation();
  const kinds = Object.values(OrganisationKind).map((k) => ({ value: k as string, label: t(`kind.name.${k}`) }));
  return (
    <EntityForm<OrganisationValues>
      label={t('editing.sections.organisation')}
      initial={organisationValues(organisation)}
      fields={ORGANISATION_FIELDS}
      toInput={organisationInput}
      validate={validate}
      mode="update"
      version={organisation.version}
      submit={submit}
      onResult={onResult}
      onStale={onStale}
      submitLabel={t('editing.save')}
    >
      {({ values, set, errors }) => (
        <>
          <div className="form-grid">
            <TextField
              id="org-name"
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
            <TextField
              label={t('fieldNames.alternateName')}
              value={values.alternateName}
              onChange={(v) => set('alternateName', v)}
              errors={errors.alternateName}
            />
            <TextField
              label={t('fieldNames.yearFounded')}
              type="number"
              inputMode="numeric"
              min={1800}
              max={new Date().getFullYear()}
              value={values.yearFounded}
              onChange={(v) => set('yearFounded', v)}
              errors={errors.yearFounded}
            />
          </div>
          <TextField
            label={t('fieldNames.description')}
            multiline
            rows={5}
            value={values.description}
            onChange={(v) => set('description', v)}
            errors={errors.description}
            maxLength={LIMITS.longTextMaxLength}
          />
          <div className="form-grid">
            <TextField
              id="org-website"
              label={t('fieldNames.website')}
              type="url"
              inputMode="url"
              value={values.website}
              onChange={(v) => set('website', v)}
              hint={t('editing.hints.website')}
              errors={errors.website}
            />
            <TextField
              id="org-email"
              label={t('fieldNames.email')}
              type="email"
              value={values.email}
              onChange={(v) => set('email', v)}
              errors={errors.email}
            />
          </div>
          <PhonesField value={values.phones} onChange={(v) => set('phones', v)} errors={errors.phones} />
          <LanguagesField value={values.languages} onChange={(v) => set('languages', v)} errors={errors.languages} />
          <OrganisationPickerField
            label={t('fieldNames.parentOrganisationId')}
            value={values.parent}
            onChange={(v) => set('parent', v)}
            exclude={[organisation.id]}
            errors={errors.parentOrganisationId}
          />
        </>
      )}
    </EntityForm>
  );
}
