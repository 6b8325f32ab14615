import { formatFinderState, parseFinderState, toSuggestionInput } from './finder-state';

describe('partner finder state', () => {
  it('round-trips a need through the URL', () => {
    const s = parseFinderState(new URLSearchParams('fuer=bedarf&felder=beratung,sprache&sprachen=ar&lat=51.53310&lng=9.93550&radius=1000'));
    expect(s).toMatchObject({
      mode: 'bedarf',
      fields: ['beratung', 'sprache'],
      languages: ['ar'],
      point: { lat: 51.5331, lng: 9.9355 },
      radiusMeters: 1000,
    });
    expect(formatFinderState(s).toString()).toBe('fuer=bedarf&felder=beratung%2Csprache&sprachen=ar&lat=51.53310&lng=9.93550&radius=1000');
    expect(toSuggestionInput(s)).toEqual({
      need: { fieldsOfAction: ['beratung', 'sprache'], languages: ['ar'], near: { lat: 51.5331, lng: 9.9355, radiusMeters: 1000 } },
    });
  });

  it('asks for an organisation in organisation mode and for something in need mode', () => {
    expect(toSuggestionInput(parseFinderState(new URLSearchParams('fuer=org')))).toBeNull();
    expect(toSuggestionInput(parseFinderState(new URLSearchParams('fuer=bedarf')))).toBeNull();
    expect(toSuggestionInput(parseFinderState(new URLSearchParams('fuer=org&org=o1&verbunden=1')))).toEqual({
      organisationId: 'o1',
      includeConnected: true,
    });
  });

  it('rejects out-of-range radius and coordinates', () => {
    const s = parseFinderState(new URLSearchParams('lat=95&lng=9&radius=999999'));
    expect(s.point).toBeNull();
    expect(s.radiusMeters).toBe(2000);
  });
});
