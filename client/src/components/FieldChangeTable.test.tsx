import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { FieldChangeTable } from './FieldChangeTable';

describe('FieldChangeTable', () => {
  it('shows each field with its label, the old value struck through and the new one marked, as plain text', () => {
    const { container } = renderWithProviders(
      <FieldChangeTable
        changes={[
          { field: 'name', oldValue: 'Alt', newValue: '<script>alert(1)</script>' },
          { field: 'languages', oldValue: ['de'], newValue: ['de', 'ar'] },
          { field: 'website', oldValue: null, newValue: 'https://neu.example' },
          { field: 'free', oldValue: true, newValue: false },
          { field: 'phones', oldValue: [], newValue: [{ number: '0551 1', description: 'Büro' }] },
        ]}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Name');
    expect(rows[0].querySelector('del')).toHaveTextContent('Alt');
    expect(rows[0].querySelector('ins')).toHaveTextContent('<script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Sprachen');
    expect(rows[1].querySelector('ins')).toHaveTextContent('de, ar');
    expect(rows[2]).toHaveTextContent('(leer)');
    expect(rows[3].querySelector('del')).toHaveTextContent('ja');
    expect(rows[3].querySelector('ins')).toHaveTextContent('nein');
    expect(rows[4].querySelector('ins')).toHaveTextContent('0551 1 (Büro)');
  });

  it('falls back to the field name for fields it has no label for', () => {
    renderWithProviders(<FieldChangeTable changes={[{ field: 'somethingNew', oldValue: 1, newValue: 2 }]} />, { language: 'en' });
    expect(screen.getByRole('rowheader')).toHaveTextContent('somethingNew');
    expect(screen.getByRole('columnheader', { name: 'Before' })).toBeInTheDocument();
  });
});
