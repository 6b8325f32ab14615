import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { TextField } from '../../../components/form/FormField';
import { renderWithProviders } from '../../../../test/render';
import type { EditResult } from '../hooks/useEntityEdit';
import { EntityForm } from './EntityForm';

interface Values {
  name: string;
  website: string;
}

const FIELDS = ['name', 'website'] as const;
const toInput = (v: Values) => ({ name: v.name.trim(), website: v.website.trim() || null });
const initial: Values = { name: 'Verein Brücke', website: 'https://alt.example' };
const applied: EditResult = {
  outcome: 'APPLIED',
  entityType: 'ORGANISATION',
  entityId: 'org-1',
  version: 8,
  organisationId: 'org-1',
  pendingChange: null,
};

function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

function renderForm(submit: jest.Mock, onResult = jest.fn()) {
  renderWithProviders(
    <EntityForm<Values>
      label="Stammdaten"
      initial={initial}
      fields={FIELDS}
      toInput={toInput}
      mode="update"
      version={5}
      submit={submit}
      onResult={onResult}
      submitLabel="Speichern"
    >
      {({ values, set, errors }) => (
        <>
          <TextField label="Name" value={values.name} onChange={(v) => set('name', v)} errors={errors.name} />
          <TextField label="Website" value={values.website} onChange={(v) => set('website', v)} errors={errors.website} />
        </>
      )}
    </EntityForm>,
  );
  return { onResult };
}

describe('EntityForm', () => {
  it('sends only the changed fields with the version the form was loaded at', async () => {
    const submit = jest.fn().mockResolvedValue(applied);
    const { onResult } = renderForm(submit);
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Verein Brücke e. V.');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(submit).toHaveBeenCalledWith({ name: 'Verein Brücke e. V.' }, 5);
    expect(onResult).toHaveBeenCalledWith(applied);
  });

  it('shows BAD_USER_INPUT problems next to the field they belong to', async () => {
    const submit = jest
      .fn()
      .mockRejectedValue(
        graphQLError('Bad input', { code: 'BAD_USER_INPUT', fields: [{ field: 'input.website', problems: ['keine gültige Adresse'] }] }),
      );
    renderForm(submit);
    const website = screen.getByLabelText('Website');
    await userEvent.clear(website);
    await userEvent.type(website, 'kaputt');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('keine gültige Adresse')).toBeInTheDocument();
    expect(website).toHaveAttribute('aria-invalid', 'true');
    expect(website.getAttribute('aria-describedby')).toContain(screen.getByText('keine gültige Adresse').closest('ul')!.id);
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('on CONFLICT shows both versions per field and resubmits the merge against the current version', async () => {
    const submit = jest
      .fn()
      .mockRejectedValueOnce(
        graphQLError('Changed', {
          code: 'CONFLICT',
          currentVersion: 7,
          current: { name: 'Brücke – Verein für Begegnung', website: 'https://neu.example', kind: 'INITIATIVE_OTHER' },
        }),
      )
      .mockResolvedValueOnce(applied);
    const { onResult } = renderForm(submit);
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'Meine Brücke');
    await userEvent.clear(screen.getByLabelText('Website'));
    await userEvent.type(screen.getByLabelText('Website'), 'https://mein.example');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const dialog = await screen.findByRole('dialog', { name: 'Der Eintrag wurde inzwischen geändert' });
    const nameGroup = within(dialog).getByRole('group', { name: 'Name' });
    expect(within(nameGroup).getByRole('radio', { name: /Ihre Version Meine Brücke/ })).toBeChecked();
    expect(within(nameGroup).getByRole('radio', { name: /Aktuelle Version Brücke – Verein für Begegnung/ })).toBeInTheDocument();
    const websiteGroup = within(dialog).getByRole('group', { name: 'Website' });
    await userEvent.click(within(websiteGroup).getByRole('radio', { name: /Aktuelle Version/ }));
    // The name is merged by hand.
    await userEvent.click(within(nameGroup).getByRole('radio', { name: /Selbst zusammenführen/ }));
    const merged = within(nameGroup).getByRole('textbox', { name: 'Zusammengeführter Wert für Name' });
    await userEvent.clear(merged);
    await userEvent.type(merged, 'Brücke – Verein');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Auswahl speichern' }));

    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit).toHaveBeenLastCalledWith({ name: 'Brücke – Verein' }, 7);
    expect(onResult).toHaveBeenCalledWith(applied);
  });

  it('says so when nothing was changed', async () => {
    const submit = jest.fn();
    renderForm(submit);
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Sie haben nichts geändert.')).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });
});
