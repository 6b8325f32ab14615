import { formatNetworkState, parseNetworkState, sortRows, toNetworkFilter } from './network-state';

const row = (id: string, name: string, degree: number, betweenness: number, community = 0) => ({
  organisation: { id, name },
  degree,
  betweenness,
  community,
});

describe('network page state', () => {
  it('round-trips through the URL and drops defaults', () => {
    const s = parseNetworkState(
      new URLSearchParams('typ=COOPERATION,UNKNOWN&feld=sprache&datum=2024-05-01&farbe=kind&org=a&ego=2&sort=name'),
    );
    expect(s).toMatchObject({
      types: ['COOPERATION'],
      field: 'sprache',
      date: '2024-05-01',
      colourBy: 'kind',
      selected: 'a',
      ego: 2,
      sort: 'name',
      descending: false,
    });
    expect(formatNetworkState(s).toString()).toBe('typ=COOPERATION&feld=sprache&datum=2024-05-01&farbe=kind&org=a&ego=2&sort=name');
    expect(formatNetworkState(parseNetworkState(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores an invalid date and ego mode without a selection', () => {
    const s = parseNetworkState(new URLSearchParams('datum=morgen&ego=2'));
    expect(s.date).toBeNull();
    expect(formatNetworkState(s).has('ego')).toBe(false);
  });

  it('builds the GraphQL filter', () => {
    expect(toNetworkFilter(parseNetworkState(new URLSearchParams('typ=FUNDING&netz=n1&bezirk=b1')))).toEqual({
      relationshipTypes: ['FUNDING'],
      networkIds: ['n1'],
      areaIds: ['b1'],
    });
  });

  it('sorts by a metric with ties by name', () => {
    const rows = [row('1', 'Zeta', 2, 0.1), row('2', 'Alpha', 2, 0.5), row('3', 'Ärzte', 5, 0)];
    expect(sortRows(rows, 'degree', true).map((r) => r.organisation.name)).toEqual(['Ärzte', 'Alpha', 'Zeta']);
    expect(sortRows(rows, 'betweenness', false).map((r) => r.organisation.name)).toEqual(['Ärzte', 'Zeta', 'Alpha']);
    expect(sortRows(rows, 'name', false).map((r) => r.organisation.name)).toEqual(['Alpha', 'Ärzte', 'Zeta']);
  });
});
