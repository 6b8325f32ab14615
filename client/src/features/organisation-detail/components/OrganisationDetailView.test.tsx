import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { OrganisationDetailView, type OrganisationDetailData } from './OrganisationDetailView';

const organisation: OrganisationDetailData = {
  id: 'org-1',
  name: 'Beispiel-Verein Miteinander (fiktiv)',
  alternateName: null,
  description: 'Treffen, Kultur und Unterstützung im Alltag.',
  kind: 'MIGRANT_SELF_ORGANISATION',
  isDemo: true,
  verificationStatus: 'VERIFIED',
  lastConfirmedAt: '2024-03-05',
  stale: false,
  canEdit: false,
  contacts: [{ id: 'c-1', name: 'Amira Beispiel', title: 'Beratung', email: 'amira@example.org', phone: null }],
  website: 'https://example.org/verein',
  email: 'info@example.org',
  yearFounded: 2002,
  languages: ['de', 'ar'],
  sourceNote: 'Fiktiver Beispieleintrag',
  phones: [{ number: '0551 000-1234', description: 'Büro' }],
  parent: { id: 'org-2', name: 'Dachverband (fiktiv)' },
  locations: [
    {
      id: 'loc-1',
      name: 'Treffpunkt',
      street: 'Musterstraße 1',
      postcode: '37073',
      city: 'Göttingen',
      latitude: 51.53,
      longitude: 9.93,
      accessibility: 'Stufenloser Zugang',
      area: { id: 'goettingen-weende', name: 'Weende' },
      schedules: [
        { id: 's2', byday: 'WE', opensAt: '14:00', closesAt: '18:00', description: null },
        { id: 's1', byday: 'MO', opensAt: '09:00', closesAt: '12:30', description: 'nur mit Termin' },
      ],
    },
    {
      id: 'loc-2',
      name: 'Außenstelle',
      street: null,
      postcode: null,
      city: 'Göttingen',
      latitude: null,
      longitude: null,
      accessibility: null,
      area: null,
      schedules: [],
    },
  ],
  services: [
    {
      id: 'svc-1',
      name: 'Deutschkurs für Eltern',
      description: 'Abendkurs',
      eligibility: null,
      fees: null,
      free: true,
      attendingAccess: ['DROP_IN', 'APPOINTMENT'],
      languages: ['ar', 'fa'],
      capacity: 12,
      fieldsOfAction: [{ code: 'sprache', nameDe: 'Sprache und Sprachkurse', nameEn: 'Language and language courses' }],
      targetGroups: [{ code: 'familien', nameDe: 'Familien und Eltern', nameEn: 'Families and parents' }],
      locations: [{ id: 'loc-1', name: 'Treffpunkt', street: 'Musterstraße 1' }],
    },
  ],
  memberships: [
    {
      id: 'm1',
      role: 'MEMBER',
      since: '2019-01-01',
      until: null,
      network: { id: 'n1', name: 'Netzwerk Migration Region Göttingen', website: null },
    },
  ],
  relationships: [
    {
      id: 'r1',
      type: 'COOPERATION',
      note: null,
      validFrom: null,
      validTo: null,
      sourceOrganisationId: 'org-1',
      targetOrganisationId: 'org-3',
      source: { id: 'org-1', name: 'Beispiel-Verein Miteinander (fiktiv)' },
      target: { id: 'org-3', name: 'Beratungsstelle Brücke (fiktiv)' },
      fieldOfAction: null,
    },
  ],
};

const hrefFor = (id: string) => `/?org=${id}`;

describe('OrganisationDetailView', () => {
  it('shows services with fields of action, target groups, languages, fees and access', () => {
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} />);
    const services = screen.getByRole('region', { name: 'Angebote' });
    expect(within(services).getByText('Deutschkurs für Eltern')).toBeInTheDocument();
    expect(within(services).getByText('Sprache und Sprachkurse')).toBeInTheDocument();
    expect(within(services).getByText('Familien und Eltern')).toBeInTheDocument();
    expect(within(services).getByText('Arabisch und Persisch')).toBeInTheDocument();
    expect(within(services).getByText('kostenlos')).toBeInTheDocument();
    expect(within(services).getByText('offene Sprechstunde und mit Termin')).toBeInTheDocument();
  });

  it('shows locations with address, district, accessibility and opening hours by weekday (Monday first)', () => {
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} />);
    const locations = screen.getByRole('region', { name: 'Standorte' });
    expect(within(locations).getByText('Musterstraße 1')).toBeInTheDocument();
    expect(within(locations).getByText('Stadtbezirk Weende')).toBeInTheDocument();
    expect(within(locations).getByText('Stufenloser Zugang')).toBeInTheDocument();
    const rows = within(within(locations).getByRole('table', { name: 'Öffnungszeiten' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['Montag09:00 – 12:30 · nur mit Termin', 'Mittwoch14:00 – 18:00']);
  });

  it('says "Lage unbekannt" for a location without coordinates', () => {
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} />);
    expect(screen.getByText('Lage unbekannt – dieser Ort ist nicht auf der Karte.')).toBeInTheDocument();
  });

  it('marks example entries and shows when the entry was last confirmed', () => {
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} />);
    const heading = screen.getByRole('heading', { level: 2, name: /Beispiel-Verein Miteinander/ });
    expect(heading).toHaveTextContent('Beispiel-Verein Miteinander (fiktiv)');
    expect(heading.textContent?.match(/\(fiktiv\)/g)).toHaveLength(1);
    expect(screen.getByText(/erfunden: ein Beispiel/)).toBeInTheDocument();
    expect(screen.getByText('zuletzt bestätigt am 5. März 2024')).toBeInTheDocument();
  });

  it('marks unverified entries', () => {
    renderWithProviders(
      <OrganisationDetailView
        organisation={{ ...organisation, verificationStatus: 'UNVERIFIED', lastConfirmedAt: null }}
        hrefFor={hrefFor}
      />,
    );
    expect(screen.getByText('nicht bestätigt')).toBeInTheDocument();
  });

  it('lists contact, network memberships and relations; related organisations open in place', async () => {
    const onOpen = jest.fn();
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} onOpenOrganisation={onOpen} />);
    expect(screen.getByRole('link', { name: /example\.org\/verein/ })).toHaveAttribute('href', 'https://example.org/verein');
    expect(screen.getByRole('link', { name: 'info@example.org' })).toHaveAttribute('href', 'mailto:info@example.org');
    expect(screen.getByRole('link', { name: '0551 000-1234' })).toHaveAttribute('href', 'tel:05510001234');
    expect(screen.getByText('Netzwerk Migration Region Göttingen')).toBeInTheDocument();
    const partner = screen.getByRole('link', { name: 'Beratungsstelle Brücke (fiktiv)' });
    expect(partner).toHaveAttribute('href', '/?org=org-3');
    await userEvent.click(partner);
    expect(onOpen).toHaveBeenCalledWith('org-3');
  });

  it('speaks English when English is chosen', () => {
    renderWithProviders(<OrganisationDetailView organisation={organisation} hrefFor={hrefFor} />, { language: 'en' });
    expect(screen.getByRole('region', { name: 'Services' })).toBeInTheDocument();
    expect(screen.getByText('Language and language courses')).toBeInTheDocument();
    expect(screen.getByText('Arabic and Persian')).toBeInTheDocument();
    expect(screen.getByText('Monday')).toBeInTheDocument();
    expect(screen.getByText('last confirmed on 5 March 2024')).toBeInTheDocument();
    expect(screen.getByText('Location unknown – this place is not on the map.')).toBeInTheDocument();
  });

  it('shows published contact persons, a stale note with the reason, and an edit link for those who may edit', () => {
    renderWithProviders(
      <OrganisationDetailView
        organisation={{ ...organisation, stale: true, lastConfirmedAt: '2023-01-10', canEdit: true }}
        hrefFor={hrefFor}
        editHref={(id) => `/organisationen/${id}/bearbeiten`}
      />,
    );
    const contacts = screen.getByRole('region', { name: 'Ansprechpersonen' });
    expect(within(contacts).getByText('Amira Beispiel')).toBeInTheDocument();
    expect(within(contacts).getByRole('link', { name: 'amira@example.org' })).toHaveAttribute('href', 'mailto:amira@example.org');
    expect(screen.getByText(/seit über 12 Monaten nicht bestätigt \(zuletzt am 10\. Januar 2023\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Bearbeiten/ })).toHaveAttribute('href', '/organisationen/org-1/bearbeiten');
  });

  it('says "nie bestätigt" for a stale entry never confirmed and offers no edit link to others', () => {
    renderWithProviders(
      <OrganisationDetailView
        organisation={{ ...organisation, stale: true, lastConfirmedAt: null }}
        hrefFor={hrefFor}
        editHref={(id) => `/e/${id}`}
      />,
    );
    expect(screen.getByText(/nie bestätigt/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Bearbeiten/ })).not.toBeInTheDocument();
  });

  it('renders markup in names as literal text', () => {
    const name = '<script>alert(1)</script> Verein';
    const { container } = renderWithProviders(
      <OrganisationDetailView
        organisation={{ ...organisation, name, isDemo: false, contacts: [{ ...organisation.contacts[0], name: '<b>x</b>' }] }}
        hrefFor={hrefFor}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(name);
    expect(screen.getByText('<b>x</b>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });
});
