import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@partneratlas/shared';
import { CheckboxField, TextField } from '../../../components/form/FormField';
import { useFormatters } from '../../../lib/intl';
import type { EditableOrganisation } from '../hooks/useEditData';
import type { EditResult, SubmitEdit } from '../hooks/useEntityEdit';
import { emptyToNull, type Input } from '../utils/edit-form';
import { EntityForm } from './EntityForm';

export type EditableContact = EditableOrganisation['contacts'][number];

export interface ContactValues {
  name: string;
  title: string;
  email: string;
  phone: string;
  consentToPublish: boolean;
}

export const CONTACT_FIELDS = ['name', 'title', 'email', 'phone', 'consentToPublish'] as const;

export function contactValues(c: EditableContact | null): ContactValues {
  return {
    name: c?.name ?? '',
    title: c?.title ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    consentToPublish: c?.consentToPublish ?? false,
  };
}

export function contactInput(v: ContactValues): Input {
  return {
    name: v.name.trim(),
    title: emptyToNull(v.title),
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    consentToPublish: v.consentToPublish,
  };
}

function validateContact(v: ContactValues, messages: { required: string; email: string }): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!v.name.trim()) problems.name = [messages.required];
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) problems.email = [messages.email];
  return problems;
}

export interface ContactFormProps {
  contact: EditableContact | null;
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  onCancel: () => void;
  onStale: () => void;
}

/** A contact person; shown to the public only with their consent (the date of consent is recorded). */
export function ContactForm({ contact, submit, onResult, onCancel, onStale }: ContactFormProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const initial = useMemo(() => contactValues(contact), [contact]);
  return (
    <EntityForm<ContactValues>
      label={contact ? t('editing.contacts.editLabel') : t('editing.contacts.add')}
      initial={initial}
      fields={CONTACT_FIELDS}
      toInput={contactInput}
      validate={(v) => validateContact(v, { required: t('editing.errors.required'), email: t('editing.errors.email') })}
      mode={contact ? 'update' : 'create'}
      version={contact?.version ?? null}
      submit={submit}
      onResult={onResult}
      onCancel={onCancel}
      onStale={onStale}
      submitLabel={contact ? t('editing.save') : t('editing.contacts.create')}
    >
      {({ values, set, errors }) => (
        <>
          <div className="form-grid">
            <TextField
              label={t('fieldNames.name')}
              value={values.name}
              onChange={(v) => set('name', v)}
              required
              errors={errors.name}
              maxLength={LIMITS.nameMaxLength}
              autoComplete="off"
            />
            <TextField
              label={t('fieldNames.title')}
              value={values.title}
              onChange={(v) => set('title', v)}
              errors={errors.title}
              hint={t('editing.hints.contactTitle')}
            />
            <TextField
              label={t('fieldNames.email')}
              type="email"
              value={values.email}
              onChange={(v) => set('email', v)}
              errors={errors.email}
              autoComplete="off"
            />
            <TextField
              label={t('fieldNames.phone')}
              type="tel"
              value={values.phone}
              onChange={(v) => set('phone', v)}
              errors={errors.phone}
              autoComplete="off"
            />
          </div>
          <CheckboxField
            label={t('editing.contacts.consent')}
            checked={values.consentToPublish}
            onChange={(v) => set('consentToPublish', v)}
            errors={errors.consentToPublish}
            hint={
              contact?.consentToPublish && contact.consentDate
                ? t('editing.contacts.consentGiven', { date: f.date(contact.consentDate) })
                : t('editing.contacts.consentHint')
            }
          />
        </>
      )}
    </EntityForm>
  );
}
