import { PublicationStatus, UserRole } from '@partneratlas/shared';
import { createOrganisation, createTaxonomies, createUser } from './support/factories';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const UPDATE_ORG = `
  mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, expectedVersion: $v, input: $input) {
      outcome entityId version organisationId
      pendingChange { id status diff { field oldValue newValue } }
    }
  }`;
const ORG = `query($id: ID!) { organisation(id: $id) { id name status version description website lastConfirmedAt stale canEdit pendingChangeCount } }`;
const HISTORY = `query($id: ID!) { organisationHistory(organisationId: $id) { id action entityType entityId actor changes { field oldValue newValue } } }`;
const PENDING = `query { pendingChanges { id organisationName operation entityType diff { field oldValue newValue } proposedBy } }`;

async function stored(
  t: TestApp,
  id: string,
): Promise<{ name: string; version: number; description: string | null; website: string | null }> {
  const [row] = await t.ds.query(`SELECT name, version, description, website FROM organization WHERE id = $1`, [id]);
  return row;
}

describe('editing with optimistic concurrency, moderation, audit and restore', () => {
  let t: TestApp;
  let own: string;
  let draft: string;
  let other: string;
  let editor: TestSession;
  let trusted: TestSession;
  let coordinator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    own = await createOrganisation(t.ds, { name: 'Elternverein Grone (Test)' });
    draft = await createOrganisation(t.ds, { name: 'Neue Initiative (Test)', status: PublicationStatus.DRAFT });
    other = await createOrganisation(t.ds, { name: 'Fremder Verein (Test)' });
    await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR, organisationIds: [own, draft] });
    await createUser(t.ds, { email: 'trusted@example.org', role: UserRole.EDITOR, organisationIds: [own, other], trusted: true });
    await createUser(t.ds, { email: 'coord@example.org', role: UserRole.COORDINATOR });
    editor = await t.login('editor@example.org');
    trusted = await t.login('trusted@example.org');
    coordinator = await t.login('coord@example.org');
  });
  afterAll(() => t.close());

  it('applies a trusted edit, bumps the version and audits each changed field', async () => {
    const before = await stored(t, own);
    const res = await trusted.gql(UPDATE_ORG, {
      id: own,
      v: before.version,
      input: { description: 'Treffpunkt für Familien', website: 'https://example.org/grone' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateOrganisation).toMatchObject({ outcome: 'APPLIED', version: before.version + 1 });
    const history = (await trusted.gql(HISTORY, { id: own })).data!.organisationHistory;
    expect(history[0]).toMatchObject({ action: 'UPDATE', entityType: 'ORGANISATION', actor: 'trusted@example.org' });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'description', oldValue: null, newValue: 'Treffpunkt für Familien' },
        { field: 'website', oldValue: null, newValue: 'https://example.org/grone' },
      ]),
    );
  });

  it('rejects a stale version with CONFLICT, returns the current version and keeps the stored entry', async () => {
    const before = await stored(t, own);
    const res = await trusted.gql(UPDATE_ORG, { id: own, v: before.version - 1, input: { name: 'Überschrieben?' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: before.version });
    expect(res.errors?.[0].extensions?.current).toMatchObject({ name: before.name });
    expect(await stored(t, own)).toEqual(before);
  });

  it('50 concurrent updates with the same expectedVersion: exactly one wins, 49 get CONFLICT', async () => {
    const before = await stored(t, other);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        trusted.gql(UPDATE_ORG, { id: other, v: before.version, input: { name: `Gewinner ${i} (Test)` } }),
      ),
    );
    const elapsed = Date.now() - started;
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const winner = results.indexOf(ok[0]);
    const after = await stored(t, other);
    expect(after.name).toBe(`Gewinner ${winner} (Test)`);
    expect(after.version).toBe(before.version + 1);
    const audits: { n: number }[] = await t.ds.query(`SELECT count(DISTINCT change_id)::int AS n FROM audit_record WHERE entity_id = $1`, [
      other,
    ]);
    expect(audits[0].n).toBe(1);
    console.log(`[concurrency] 50 concurrent updates: 1 applied, ${conflicts.length} CONFLICT in ${elapsed} ms`);
  });

  it("keeps an untrusted editor's change to a published entry pending until a coordinator approves it", async () => {
    const before = await stored(t, own);
    const res = await editor.gql(UPDATE_ORG, { id: own, v: before.version, input: { name: 'Elternverein Grone e. V. (Test)' } });
    expect(res.data!.updateOrganisation.outcome).toBe('PENDING_REVIEW');
    expect(res.data!.updateOrganisation.pendingChange.diff).toEqual([
      { field: 'name', oldValue: 'Elternverein Grone (Test)', newValue: 'Elternverein Grone e. V. (Test)' },
    ]);
    expect((await t.gql(ORG, { id: own })).data!.organisation.name).toBe('Elternverein Grone (Test)');
    expect((await editor.gql(ORG, { id: own })).data!.organisation.pendingChangeCount).toBe(1);

    const queue = (await coordinator.gql(PENDING)).data!.pendingChanges;
    const item = queue.find((p: { organisationName: string }) => p.organisationName === 'Elternverein Grone (Test)');
    expect(item).toMatchObject({ operation: 'UPDATE', entityType: 'ORGANISATION', proposedBy: 'editor@example.org' });
    const forbidden = await editor.gql(`mutation($id: ID!) { approveChange(id: $id) { status } }`, { id: item.id });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = await coordinator.gql(`mutation($id: ID!) { approveChange(id: $id) { status reviewedAt } }`, { id: item.id });
    expect(approved.data!.approveChange.status).toBe('APPROVED');
    expect((await t.gql(ORG, { id: own })).data!.organisation.name).toBe('Elternverein Grone e. V. (Test)');
    const history = (await coordinator.gql(HISTORY, { id: own })).data!.organisationHistory;
    expect(history[0]).toMatchObject({ action: 'APPROVE', actor: 'coord@example.org (Vorschlag von editor@example.org)' });
    const again = await coordinator.gql(`mutation($id: ID!) { approveChange(id: $id) { status } }`, { id: item.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('rejects a proposal with a reason the editor sees, and nothing changes', async () => {
    const before = await stored(t, own);
    const res = await editor.gql(UPDATE_ORG, { id: own, v: before.version, input: { description: 'Bitte nicht' } });
    const id = res.data!.updateOrganisation.pendingChange.id;
    const noReason = await coordinator.gql(`mutation($id: ID!) { rejectChange(id: $id, reason: "  ") { status } }`, { id });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await coordinator.gql(`mutation($id: ID!) { rejectChange(id: $id, reason: "Beschreibung ist unklar") { status } }`, { id });
    const mine = (await editor.gql(`query { pendingChanges(status: REJECTED) { id rejectionReason } }`)).data!.pendingChanges;
    expect(mine).toEqual([{ id, rejectionReason: 'Beschreibung ist unklar' }]);
    expect(await stored(t, own)).toEqual(before);
  });

  it('starts a new organisation as a draft that only its editor and coordinators see, until it is published', async () => {
    const created = await editor.gql(
      `mutation { createOrganisation(input: { kind: INITIATIVE_OTHER, name: "Sprachcafé Nord (Test)" }) { outcome entityId version } }`,
    );
    expect(created.data!.createOrganisation.outcome).toBe('APPLIED');
    const id = created.data!.createOrganisation.entityId;
    expect((await t.gql(ORG, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The session's bindings are read per request: the creator may edit it at once.
    const mine = await editor.gql(ORG, { id });
    expect(mine.data!.organisation).toMatchObject({ status: 'DRAFT', canEdit: true });
    const pub = await editor.gql(`mutation($id: ID!) { publishOrganisation(id: $id, expectedVersion: 1) { outcome } }`, { id });
    expect(pub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await coordinator.gql(`mutation($id: ID!) { publishOrganisation(id: $id, expectedVersion: 1) { outcome version } }`, { id });
    expect(ok.data!.publishOrganisation).toEqual({ outcome: 'APPLIED', version: 2 });
    expect((await t.gql(ORG, { id })).data!.organisation.status).toBe('PUBLISHED');
  });

  it("edits of an editor's draft apply directly and others' entries are forbidden", async () => {
    const v = (await stored(t, draft)).version;
    const res = await editor.gql(UPDATE_ORG, { id: draft, v, input: { description: 'Entwurf' } });
    expect(res.data!.updateOrganisation.outcome).toBe('APPLIED');
    const foreign = await editor.gql(UPDATE_ORG, { id: other, v: (await stored(t, other)).version, input: { description: 'x' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(UPDATE_ORG, { id: draft, v, input: { description: 'x' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('restores an earlier state in one action, audited as RESTORE', async () => {
    let v = (await stored(t, draft)).version;
    await editor.gql(UPDATE_ORG, { id: draft, v, input: { name: 'Stand A (Test)' } });
    v += 1;
    await editor.gql(UPDATE_ORG, { id: draft, v, input: { name: 'Stand B (Test)', website: 'https://b.example.org' } });
    const history = (await editor.gql(HISTORY, { id: draft })).data!.organisationHistory;
    const stateA = history.find((h: { changes: { newValue: unknown }[] }) => h.changes.some((c) => c.newValue === 'Stand A (Test)'));
    const res = await editor.gql(
      `mutation($e: ID!, $a: ID!) { restoreVersion(entityType: ORGANISATION, entityId: $e, auditEntryId: $a) { outcome version } }`,
      { e: draft, a: stateA.id },
    );
    expect(res.errors).toBeUndefined();
    const after = await stored(t, draft);
    expect(after).toMatchObject({ name: 'Stand A (Test)', website: null });
    const latest = (await editor.gql(HISTORY, { id: draft })).data!.organisationHistory[0];
    expect(latest.action).toBe('RESTORE');
  });

  it('refuses bad input with field-named errors and keeps the stored entry unchanged', async () => {
    const before = await stored(t, draft);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(201) }, 'name must be at most 200 characters'],
      [{ website: 'javascript:alert(1)' }, 'website must be an http:// or https:// address'],
      [{ email: 'keine-mail' }, 'email must be an email address'],
      [{ name: null }, 'cannot be empty'],
      [{ parentOrganisationId: draft }, 'cannot be its own umbrella'],
    ];
    for (const [input, message] of cases) {
      const res = await editor.gql(UPDATE_ORG, { id: draft, v: before.version, input });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain(message);
    }
    const loc = await editor.gql(
      `mutation($o: ID!) { createLocation(organisationId: $o, input: { street: "Weender Str. 1", latitude: 48.1, longitude: 11.5 }) { outcome } }`,
      { o: draft },
    );
    expect(loc.errors?.[0].message).toContain('latitude must lie in the Göttingen region');
    const half = await editor.gql(`mutation($o: ID!) { createLocation(organisationId: $o, input: { latitude: 51.53 }) { outcome } }`, {
      o: draft,
    });
    expect(half.errors?.[0].message).toContain('latitude and longitude go together');
    expect(await stored(t, draft)).toEqual(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM location WHERE organisation_id = $1`, [draft]))[0].n).toBe(0);
  });

  it('stores markup as plain text', async () => {
    const v = (await stored(t, draft)).version;
    const name = '<script>alert("x")</script> Verein (Test)';
    await editor.gql(UPDATE_ORG, { id: draft, v, input: { name } });
    expect((await editor.gql(ORG, { id: draft })).data!.organisation.name).toBe(name);
  });

  it('creates locations with coordinates, services with fields of action, and keeps the search document current', async () => {
    const loc = await editor.gql(
      `mutation($o: ID!) { createLocation(organisationId: $o, input: { street: "Weender Landstraße 3", postcode: "37073", city: "Göttingen", latitude: 51.5412, longitude: 9.9361 }) { outcome entityId } }`,
      { o: draft },
    );
    expect(loc.errors).toBeUndefined();
    const svc = await editor.gql(
      `mutation($o: ID!, $l: [ID!]) { createService(organisationId: $o, input: { name: "Sprachcafé", fieldsOfAction: ["sprache"], languages: ["ar", "de"], locationIds: $l }) { outcome entityId } }`,
      { o: draft, l: [loc.data!.createLocation.entityId] },
    );
    expect(svc.errors).toBeUndefined();
    const bad = await editor.gql(
      `mutation($o: ID!) { createService(organisationId: $o, input: { name: "X", fieldsOfAction: ["gibt-es-nicht"] }) { outcome } }`,
      {
        o: draft,
      },
    );
    expect(bad.errors?.[0].message).toContain('unknown codes: gibt-es-nicht');
    const [doc] = await t.ds.query(`SELECT field_codes, search_languages FROM organization WHERE id = $1`, [draft]);
    expect(doc.field_codes).toContain('sprache');
    expect(doc.search_languages).toEqual(expect.arrayContaining(['ar']));
  });

  it('publishes contact persons only with consent; erasure removes their values from the history', async () => {
    const created = await trusted.gql(
      `mutation($o: ID!) { createContactPerson(organisationId: $o, input: { name: "Erika Beispiel", email: "erika@example.org", consentToPublish: false }) { entityId version } }`,
      { o: own },
    );
    const id = created.data!.createContactPerson.entityId;
    const CONTACTS = `query($id: ID!) { organisation(id: $id) { contacts { name consentToPublish consentDate } } }`;
    expect((await t.gql(CONTACTS, { id: own })).data!.organisation.contacts).toEqual([]);
    await trusted.gql(
      `mutation($id: ID!) { updateContactPerson(id: $id, expectedVersion: 1, input: { consentToPublish: true }) { version } }`,
      { id },
    );
    const visible = (await t.gql(CONTACTS, { id: own })).data!.organisation.contacts;
    expect(visible).toEqual([{ name: 'Erika Beispiel', consentToPublish: true, consentDate: new Date().toISOString().slice(0, 10) }]);

    const exported = await coordinator.gql(`query($id: ID!) { contactPersonData(id: $id) }`, { id });
    expect(exported.data!.contactPersonData.contact).toMatchObject({ name: 'Erika Beispiel', email: 'erika@example.org' });
    expect(exported.data!.contactPersonData.history.length).toBeGreaterThan(0);
    expect((await trusted.gql(`mutation($id: ID!) { eraseContactPerson(id: $id) }`, { id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await coordinator.gql(`mutation($id: ID!) { eraseContactPerson(id: $id) }`, { id })).data!.eraseContactPerson).toBe(true);

    expect((await t.gql(CONTACTS, { id: own })).data!.organisation.contacts).toEqual([]);
    const traces: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE entity_id = $1 AND (old_value::text LIKE '%Erika%' OR new_value::text LIKE '%Erika%' OR old_value::text LIKE '%erika@%' OR new_value::text LIKE '%erika@%')`,
      [id],
    );
    expect(traces[0].n).toBe(0);
    const [erase] = await t.ds.query(
      `SELECT action, old_value, new_value FROM audit_record WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(erase).toEqual({ action: 'ERASE', old_value: null, new_value: null });
    expect((await stored(t, own)).name).toBe('Elternverein Grone e. V. (Test)');
  });

  it('approving a proposal whose entry changed since gives CONFLICT and applies nothing', async () => {
    const base = await stored(t, own);
    const proposal = await editor.gql(UPDATE_ORG, { id: own, v: base.version, input: { description: 'Vorschlag auf alter Basis' } });
    const pendingId = proposal.data!.updateOrganisation.pendingChange.id;
    await trusted.gql(UPDATE_ORG, { id: own, v: base.version, input: { description: 'Inzwischen geändert' } });
    const res = await coordinator.gql(`mutation($id: ID!) { approveChange(id: $id) { status } }`, { id: pendingId });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: base.version + 1 });
    expect((await stored(t, own)).description).toBe('Inzwischen geändert');
    await coordinator.gql(`mutation($id: ID!) { rejectChange(id: $id, reason: "überholt") { status } }`, { id: pendingId });
  });

  it('a proposed new location appears only after approval; a deleted one can be restored from the history', async () => {
    const proposed = await editor.gql(
      `mutation($o: ID!) { createLocation(organisationId: $o, input: { street: "Gronerstraße 5", latitude: 51.5301, longitude: 9.9102 }) { outcome pendingChange { id diff { field newValue } } } }`,
      { o: own },
    );
    expect(proposed.data!.createLocation.outcome).toBe('PENDING_REVIEW');
    const count = async () =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM location WHERE organisation_id = $1`, [own]))[0].n as number;
    expect(await count()).toBe(0);
    await coordinator.gql(`mutation($id: ID!) { approveChange(id: $id) { status } }`, {
      id: proposed.data!.createLocation.pendingChange.id,
    });
    expect(await count()).toBe(1);
    const [loc] = await t.ds.query(`SELECT id, version FROM location WHERE organisation_id = $1`, [own]);
    const del = await trusted.gql(`mutation($id: ID!, $v: Int!) { deleteLocation(id: $id, expectedVersion: $v) { outcome } }`, {
      id: loc.id,
      v: loc.version,
    });
    expect(del.data!.deleteLocation.outcome).toBe('APPLIED');
    expect(await count()).toBe(0);
    const history = (await trusted.gql(HISTORY, { id: own })).data!.organisationHistory;
    const created = history.find((h: { entityId: string; action: string }) => h.entityId === loc.id && h.action === 'APPROVE');
    const restored = await trusted.gql(
      `mutation($e: ID!, $a: ID!) { restoreVersion(entityType: LOCATION, entityId: $e, auditEntryId: $a) { outcome entityId } }`,
      { e: loc.id, a: created.id },
    );
    expect(restored.data!.restoreVersion).toEqual({ outcome: 'APPLIED', entityId: loc.id });
    const [back] = await t.ds.query(`SELECT street, ST_Y(geom::geometry) AS lat FROM location WHERE id = $1`, [loc.id]);
    expect(back).toEqual({ street: 'Gronerstraße 5', lat: 51.5301 });
  });

  it('lists entries not confirmed for 12 months to coordinators; one click confirms', async () => {
    await t.ds.query(`UPDATE organization SET last_confirmed_at = current_date - interval '13 months' WHERE id = $1`, [other]);
    const STALE = `query { staleOrganisations { id name } }`;
    expect((await editor.gql(STALE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = (await coordinator.gql(STALE)).data!.staleOrganisations.map((o: { id: string }) => o.id);
    expect(list).toContain(other);
    expect((await t.gql(ORG, { id: other })).data!.organisation.stale).toBe(true);
    const v = (await stored(t, other)).version;
    const res = await trusted.gql(`mutation($id: ID!, $v: Int!) { confirmOrganisation(id: $id, expectedVersion: $v) { outcome } }`, {
      id: other,
      v,
    });
    expect(res.data!.confirmOrganisation.outcome).toBe('APPLIED');
    const after = (await t.gql(ORG, { id: other })).data!.organisation;
    expect(after).toMatchObject({ stale: false, lastConfirmedAt: new Date().toISOString().slice(0, 10) });
    expect((await coordinator.gql(STALE)).data!.staleOrganisations.map((o: { id: string }) => o.id)).not.toContain(other);
  });
});
