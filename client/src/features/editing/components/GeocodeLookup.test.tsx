import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { GeocodeAddressDocument, GeocoderInfoDocument } from '../../../lib/graphql/graphql';
import { GeocodeLookup } from './GeocodeLookup';

const ATTRIBUTION = '© OpenStreetMap contributors (Nominatim, ODbL)';

const info = (enabled: boolean) => ({
  request: { query: GeocoderInfoDocument },
  result: { data: { geocoder: { __typename: 'GeocoderInfo' as const, enabled, attribution: enabled ? ATTRIBUTION : null } } },
});

const variables = { street: 'Markt 1', postcode: '37073', city: 'Göttingen' };
const candidate = (latitude: number, longitude: number, displayName: string) => ({
  __typename: 'GeocodeCandidate' as const,
  latitude,
  longitude,
  displayName,
  attribution: ATTRIBUTION,
});
const found = {
  request: { query: GeocodeAddressDocument, variables },
  result: {
    data: {
      geocodeAddress: {
        __typename: 'GeocodeResult' as const,
        enabled: true,
        cached: false,
        rejectedOutside: 0,
        candidates: [candidate(51.5331, 9.9355, 'Markt 1, Innenstadt, Göttingen'), candidate(51.56, 9.97, 'Markt 1, Weende, Göttingen')],
      },
    },
  },
};

describe('GeocodeLookup', () => {
  it('looks up the address, shows the places with the attribution and fills the point with the one picked', async () => {
    const onPick = jest.fn();
    renderWithProviders(<GeocodeLookup street=" Markt 1 " postcode="37073" city="Göttingen" onPick={onPick} />, {
      mocks: [info(true), found],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Koordinaten suchen' }));
    const group = await screen.findByRole('group', { name: 'Gefundene Orte (2)' });
    expect(group).toHaveTextContent('Markt 1, Innenstadt, Göttingen');
    expect(group).toHaveTextContent('Markt 1, Weende, Göttingen');
    expect(group).toHaveTextContent(`Quelle: ${ATTRIBUTION}`);
    expect(onPick).not.toHaveBeenCalled();
    await userEvent.click(screen.getAllByRole('button', { name: 'Übernehmen' })[1]);
    expect(onPick).toHaveBeenCalledWith(51.56, 9.97);
    expect(screen.getByText(/Übernommen: Markt 1, Weende, Göttingen/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Übernehmen' })[1]).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks for a street first and does not look anything up without one', async () => {
    renderWithProviders(<GeocodeLookup street="" postcode="" city="Göttingen" onPick={jest.fn()} />, { mocks: [info(true)] });
    expect(await screen.findByRole('button', { name: 'Koordinaten suchen' })).toBeDisabled();
    expect(screen.getByText('Für die Suche zuerst Straße und Hausnummer eintragen.')).toBeInTheDocument();
  });

  it('says when the geocoding service cannot be reached', async () => {
    const failing = {
      request: { query: GeocodeAddressDocument, variables },
      result: {
        errors: [
          { message: 'The geocoder is not available', extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'GEOCODER_UNAVAILABLE' } },
        ],
      },
    };
    renderWithProviders(<GeocodeLookup street="Markt 1" postcode="37073" city="Göttingen" onPick={jest.fn()} />, {
      mocks: [info(true), failing],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Koordinaten suchen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Geodienst ist gerade nicht erreichbar.');
  });

  it('is hidden when the server has no geocoder', async () => {
    const { container } = renderWithProviders(<GeocodeLookup street="Markt 1" postcode="" city="" onPick={jest.fn()} />, {
      mocks: [info(false)],
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Koordinaten suchen' })).toBeNull();
    expect(container).toBeEmptyDOMElement();
  });
});
