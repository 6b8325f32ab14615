import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { LoginDocument } from '../../../lib/graphql/graphql';
import { LoginForm } from './LoginForm';

const variables = { email: 'redaktion@example.org', password: 'falsches Passwort' };

function failing(code: string, message: string) {
  return [{ request: { query: LoginDocument, variables }, result: { errors: [{ message, extensions: { code } }] } }];
}

async function submit() {
  await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), variables.email);
  await userEvent.type(screen.getByLabelText(/Passwort/), variables.password);
  await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
}

describe('LoginForm', () => {
  it("shows the server's message for wrong credentials and clears the password", async () => {
    renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, { mocks: failing('UNAUTHENTICATED', 'E-Mail oder Passwort falsch') });
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail oder Passwort falsch');
    expect(screen.getByLabelText(/Passwort/)).toHaveValue('');
  });

  it("shows the server's message when sign-in is throttled", async () => {
    renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, {
      mocks: failing('TOO_MANY_REQUESTS', 'Zu viele Versuche. Bitte in 10 Minuten erneut versuchen.'),
    });
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Zu viele Versuche. Bitte in 10 Minuten erneut versuchen.');
  });

  it('asks for missing fields next to them without calling the server', async () => {
    renderWithProviders(<LoginForm onSignedIn={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(screen.getByText('Bitte geben Sie Ihre E-Mail-Adresse ein.')).toBeInTheDocument();
    expect(screen.getByLabelText(/E-Mail-Adresse/)).toHaveAttribute('aria-invalid', 'true');
  });
});
