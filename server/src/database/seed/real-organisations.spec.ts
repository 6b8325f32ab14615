import { loadRealOrganisationRecords } from './data-files';
import { CATEGORY_KIND, NETWORK_CATEGORY, parseStreet, planRealOrganisations, realOrganisationId } from './real-organisations';
import { NETWORK_NAME } from './reference';

const records = loadRealOrganisationRecords();

describe('planRealOrganisations', () => {
  const plan = planRealOrganisations(records);

  it('maps every category of the file explicitly and turns the network row into no organisation', () => {
    for (const r of records) expect(CATEGORY_KIND[r.category]).toBeDefined();
    expect(records).toHaveLength(26);
    expect(plan.organisations).toHaveLength(25);
    expect(plan.skipped).toEqual([{ name: NETWORK_NAME, reason: expect.stringContaining('network') }]);
    expect(Object.values(CATEGORY_KIND)).toContain(NETWORK_CATEGORY);
  });

  it('keeps the facts of the file: description, contacts and sources, nothing added', () => {
    const mz = plan.organisations.find((o) => o.name.startsWith('Migrationszentrum'))!;
    const record = records.find((r) => r.name === mz.name)!;
    expect(mz.description).toBe(record.servicesDescribed);
    expect(mz.phones).toEqual([{ number: '0551 55766', description: null }]);
    expect(mz.email).toBe('info@migrationszentrum-goettingen.de');
    for (const url of record.sourceUrls) expect(mz.sourceNote).toContain(url);
    expect(mz.sourceNote).toContain(record.addressAsOf!);
    expect(mz.sourceNote).toContain(record.verificationStatus!);
    const jmd = plan.organisations.find((o) => o.name.startsWith('Jugendmigrationsdienst'))!;
    expect(jmd).toMatchObject({ website: null, email: null, phones: [] });
  });

  it('creates a location only for a street address, never with coordinates', () => {
    expect(plan.locations.map((l) => l.street).sort()).toEqual(
      ['Bahnhofsallee 7', 'Hiroshimaplatz 1–4', 'Neustadt 18', 'Neustadt 18', 'Neustadt 18', 'Reinhäuser Landstraße 4'].sort(),
    );
    for (const l of plan.locations) expect(l.point).toBeNull();
    const holtenser = plan.organisations.find((o) => o.name === 'Jugendhaus Holtenser Berg')!;
    expect(plan.locations.some((l) => l.organisationId === holtenser.id)).toBe(false);
    expect(holtenser.sourceNote).toContain('Holtenser Berg (street not stated)');
  });

  it('derives stable ids from the names', () => {
    expect(plan.organisations.map((o) => o.id)).toEqual(planRealOrganisations(records).organisations.map((o) => o.id));
    expect(realOrganisationId('Medinetz Göttingen')).toBe(plan.organisations.find((o) => o.name === 'Medinetz Göttingen')!.id);
  });

  it('refuses a category without a mapping', () => {
    expect(() => planRealOrganisations([{ ...records[0], category: 'something new' }])).toThrow(/no kind mapped/);
  });
});

describe('parseStreet', () => {
  it('splits the building name off and rejects places without a house number', () => {
    expect(parseStreet('Neustadt 18 (Forum Kirche und Diakonie)')).toEqual({ street: 'Neustadt 18', name: 'Forum Kirche und Diakonie' });
    expect(parseStreet('Bahnhofsallee 7')).toEqual({ street: 'Bahnhofsallee 7', name: null });
    expect(parseStreet('Holtenser Berg (street not stated)')).toBeNull();
    expect(parseStreet('Holtenser Berg')).toBeNull();
  });
});
