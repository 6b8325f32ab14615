import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditAction,
  ChangeStatus,
  EditableEntity,
  EditOperation,
  EditOutcome,
  PublicationStatus,
  TaxonomyKind,
  UserRole,
  VerificationStatus,
} from '@partneratlas/shared';
import { publishesDirectly, requireOrganisationEditor, requireStaff, requireUser } from '../../common/authz';
import { NotFoundException } from '../../common/exceptions/domain.exception';
import type { SessionUser, Viewer } from '../../common/viewer';
import { ForbiddenException } from '../accounts/accounts.exception';
import { returnedRows } from '../../database/returning';
import { canonical, ENTITY_SPECS, EntitySpec, FieldSpec } from './entity-specs';
import { EditConflictException, InvalidEditException } from './editing.exception';

export type Values = Record<string, unknown>;

/** The stored editable state of one entity, as audit records and diffs see it. */
export interface StoredState {
  id: string;
  version: number;
  organisationId: string;
  organisationStatus: PublicationStatus;
  values: Values;
}

export interface EditResultData {
  outcome: EditOutcome;
  entityType: EditableEntity;
  entityId: string | null;
  version: number | null;
  organisationId: string;
  pendingChangeId: string | null;
}

interface Actor {
  id: string;
  label: string;
}

const LABELS: Record<EditableEntity, string> = {
  [EditableEntity.ORGANISATION]: 'Organisation',
  [EditableEntity.LOCATION]: 'Location',
  [EditableEntity.SERVICE]: 'Service',
  [EditableEntity.CONTACT_PERSON]: 'Contact person',
  [EditableEntity.RELATIONSHIP]: 'Relationship',
  [EditableEntity.NETWORK_MEMBERSHIP]: 'Network membership',
};

const actorOf = (user: SessionUser): Actor => ({
  id: user.id,
  label: user.displayName ? `${user.displayName} <${user.email}>` : user.email,
});
const today = (): string => new Date().toISOString().slice(0, 10);

/** PostgreSQL integrity errors that mean "your input points at something wrong", not a server fault. */
function integrityProblem(error: unknown): string | null {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  const detail = (error as { detail?: string }).detail ?? (error as { driverError?: { detail?: string } }).driverError?.detail;
  if (code === '23503') return `refers to something that does not exist${detail ? ` (${detail})` : ''}`;
  if (code === '23505') return `already exists${detail ? ` (${detail})` : ''}`;
  if (code === '23514') return `violates a rule of the data model${detail ? ` (${detail})` : ''}`;
  return null;
}

/**
 * The one path for every edit: authorisation per object, validation, optimistic concurrency (lock + conditional
 * UPDATE … WHERE version = $n), moderation (pending changes) and per-field audit records, all in one transaction.
 */
@Injectable()
export class EditingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  // ------------------------------------------------------------------ reading state

  async load(m: EntityManager | DataSource, spec: EntitySpec, id: string, lock = false): Promise<StoredState | null> {
    return (await this.loadMany(m, spec, [id], lock))[0] ?? null;
  }

  /** Stored states of several entities of one kind in one statement (missing ids are left out). */
  async loadMany(m: EntityManager | DataSource, spec: EntitySpec, ids: string[], lock = false): Promise<StoredState[]> {
    if (!ids.length) return [];
    const reads = spec.fields.map((f) => `${f.read ?? `t.${f.column}`} AS "${f.name}"`).join(', ');
    const rows: (Values & { __id: string; __version: number; __org: string; __org_status: PublicationStatus })[] = await m.query(
      `SELECT t.id AS __id, t.version AS __version, ${spec.organisationExpr} AS __org,
              (SELECT o.status FROM organization o WHERE o.id = ${spec.organisationExpr}) AS __org_status, ${reads}
         FROM ${spec.table} t WHERE t.id = ANY($1::uuid[])${lock ? ' FOR UPDATE OF t' : ''}`,
      [ids],
    );
    return rows.map((r) => {
      const values: Values = {};
      for (const f of spec.fields) values[f.name] = r[f.name] ?? null;
      return { id: r.__id, version: r.__version, organisationId: r.__org, organisationStatus: r.__org_status, values };
    });
  }

  /** The stored state for the conflict dialog and diffs, or NOT_FOUND when the viewer may not edit it. */
  async current(viewer: Viewer, type: EditableEntity, id: string): Promise<StoredState> {
    const spec = ENTITY_SPECS[type];
    const state = await this.load(this.ds, spec, id);
    if (!state) throw new NotFoundException(LABELS[type], id);
    this.authorise(viewer, spec, state.organisationId);
    return state;
  }

  // ------------------------------------------------------------------ public edit operations

  async create(viewer: Viewer, type: EditableEntity, organisationId: string | null, input: Values): Promise<EditResultData> {
    const user = requireUser(viewer);
    const spec = ENTITY_SPECS[type];
    // Authorise before looking at the input, so that nobody learns anything from validation messages.
    if (type !== EditableEntity.ORGANISATION) {
      const claimed = organisationId ?? (input.sourceOrganisationId as string | undefined) ?? (input.organisationId as string | undefined);
      if (claimed) this.authorise(viewer, spec, claimed);
      else if (type === EditableEntity.NETWORK_MEMBERSHIP) requireStaff(viewer);
    }
    return this.tx(async (m) => {
      const values = await this.normalise(m, spec, input, null, organisationId);
      this.requireComplete(spec, values);
      if (type === EditableEntity.ORGANISATION) {
        // New organisations start as drafts; an editor becomes bound to what they create.
        values.status = PublicationStatus.DRAFT;
        const created = await this.applyCreate(m, spec, values, actorOf(user), AuditAction.CREATE);
        if (user.role === UserRole.EDITOR) {
          await m.query(`INSERT INTO user_organisation (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            user.id,
            created.id,
          ]);
        }
        return this.applied(type, created.id, created.version, created.id);
      }
      const orgId = this.organisationOfNew(spec, values);
      const org = await this.organisationStatus(m, orgId);
      this.authorise(viewer, spec, orgId);
      if (this.needsReview(user, org)) return this.propose(m, user, spec, EditOperation.CREATE, orgId, null, null, values);
      const created = await this.applyCreate(m, spec, values, actorOf(user), AuditAction.CREATE);
      return this.applied(type, created.id, created.version, orgId);
    });
  }

  async update(
    viewer: Viewer,
    type: EditableEntity,
    id: string,
    expectedVersion: number,
    input: Values,
    action: AuditAction = AuditAction.UPDATE,
  ): Promise<EditResultData> {
    const user = requireUser(viewer);
    const spec = ENTITY_SPECS[type];
    return this.tx(async (m) => {
      const state = await this.lockForEdit(m, viewer, spec, id, expectedVersion);
      const values = await this.normalise(m, spec, input, state, state.organisationId);
      const patch = this.diff(spec, state.values, values);
      if (!Object.keys(patch).length) return this.applied(type, id, state.version, state.organisationId);
      if (this.needsReview(user, state.organisationStatus)) {
        return this.propose(m, user, spec, EditOperation.UPDATE, state.organisationId, id, state.version, patch);
      }
      const version = await this.applyUpdate(m, spec, state, patch, actorOf(user), action);
      return this.applied(type, id, version, state.organisationId);
    });
  }

  /** Organisations and services are archived (restorable); other entities are deleted (also restorable). */
  async remove(viewer: Viewer, type: EditableEntity, id: string, expectedVersion: number): Promise<EditResultData> {
    if (type === EditableEntity.ORGANISATION || type === EditableEntity.SERVICE) {
      return this.update(viewer, type, id, expectedVersion, { status: PublicationStatus.ARCHIVED }, AuditAction.ARCHIVE);
    }
    const user = requireUser(viewer);
    const spec = ENTITY_SPECS[type];
    return this.tx(async (m) => {
      const state = await this.lockForEdit(m, viewer, spec, id, expectedVersion);
      if (this.needsReview(user, state.organisationStatus)) {
        return this.propose(m, user, spec, EditOperation.DELETE, state.organisationId, id, state.version, {});
      }
      await this.applyDelete(m, spec, state, actorOf(user), AuditAction.DELETE);
      return { ...this.applied(type, id, null, state.organisationId) };
    });
  }

  /** Coordinators and admins publish a draft (or re-publish an archived entry). */
  async publish(viewer: Viewer, id: string, expectedVersion: number): Promise<EditResultData> {
    requireStaff(viewer);
    return this.update(
      viewer,
      EditableEntity.ORGANISATION,
      id,
      expectedVersion,
      { status: PublicationStatus.PUBLISHED },
      AuditAction.PUBLISH,
    );
  }

  /** "Still correct": sets the HSDS assured date to today; applies directly (it changes no content). */
  async confirm(viewer: Viewer, id: string, expectedVersion: number): Promise<EditResultData> {
    const user = requireUser(viewer);
    const spec = ENTITY_SPECS[EditableEntity.ORGANISATION];
    return this.tx(async (m) => {
      const state = await this.lockForEdit(m, viewer, spec, id, expectedVersion);
      const patch = this.diff(spec, state.values, { lastConfirmedAt: today(), verificationStatus: VerificationStatus.VERIFIED });
      const version = Object.keys(patch).length
        ? await this.applyUpdate(m, spec, state, patch, actorOf(user), AuditAction.CONFIRM)
        : state.version;
      return this.applied(EditableEntity.ORGANISATION, id, version, id);
    });
  }

  // ------------------------------------------------------------------ moderation

  async approve(viewer: Viewer, pendingId: string): Promise<string> {
    const reviewer = requireStaff(viewer);
    await this.tx(async (m) => {
      const pc = await this.lockPending(m, pendingId);
      const spec = ENTITY_SPECS[pc.entity_type];
      const [proposer]: { email: string }[] = await m.query(`SELECT email FROM app_user WHERE id = $1`, [pc.proposed_by_id]);
      const actor: Actor = { id: reviewer.id, label: `${actorOf(reviewer).label} (Vorschlag von ${proposer?.email ?? 'unbekannt'})` };
      let entityId = pc.entity_id;
      if (pc.operation === EditOperation.CREATE) {
        entityId = (await this.applyCreate(m, spec, pc.payload, actor, AuditAction.APPROVE)).id;
      } else {
        const state = await this.load(m, spec, pc.entity_id!, true);
        if (!state || state.version !== pc.base_version) {
          throw new EditConflictException(LABELS[spec.type], pc.entity_id!, state?.version ?? null, state?.values ?? null);
        }
        if (pc.operation === EditOperation.UPDATE) await this.applyUpdate(m, spec, state, pc.payload, actor, AuditAction.APPROVE);
        else await this.applyDelete(m, spec, state, actor, AuditAction.APPROVE);
      }
      await m.query(`UPDATE pending_change SET status = $2, reviewed_by_id = $3, reviewed_at = now(), entity_id = $4 WHERE id = $1`, [
        pendingId,
        ChangeStatus.APPROVED,
        reviewer.id,
        entityId,
      ]);
    });
    return pendingId;
  }

  async reject(viewer: Viewer, pendingId: string, reason: string): Promise<string> {
    const reviewer = requireStaff(viewer);
    const trimmed = reason.trim();
    if (!trimmed)
      throw new InvalidEditException([{ field: 'reason', problem: 'a reason is required so that the editor knows what to change' }]);
    await this.tx(async (m) => {
      await this.lockPending(m, pendingId);
      await m.query(
        `UPDATE pending_change SET status = $2, reviewed_by_id = $3, reviewed_at = now(), rejection_reason = $4 WHERE id = $1`,
        [pendingId, ChangeStatus.REJECTED, reviewer.id, trimmed],
      );
    });
    return pendingId;
  }

  // ------------------------------------------------------------------ restore

  /**
   * Brings an entity back to the state right after the given audit entry: later records are undone field by
   * field (newest first). A deleted entity is recreated with its id. The restore is an edit like any other
   * (reviewed when needed) and is audited as RESTORE.
   */
  async restore(viewer: Viewer, type: EditableEntity, entityId: string, changeId: string): Promise<EditResultData> {
    const user = requireUser(viewer);
    const spec = ENTITY_SPECS[type];
    const records: { id: string; change_id: string; field: string; old_value: unknown; action: AuditAction }[] = await this.ds.query(
      `SELECT id, change_id, field, old_value, action FROM audit_record WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [type, entityId],
    );
    const own = records.filter((r) => r.change_id === changeId);
    if (!own.length) throw new NotFoundException('Audit entry', changeId);
    if (records.some((r) => r.action === AuditAction.ERASE)) {
      throw new InvalidEditException([{ field: 'entityId', problem: 'personal data was erased; earlier states cannot be restored' }]);
    }
    if (own.some((r) => r.action === AuditAction.DELETE)) {
      throw new InvalidEditException([{ field: 'auditEntryId', problem: 'that entry is the deletion itself; choose an entry before it' }]);
    }
    const lastOwn = Math.max(...own.map((r) => Number(r.id)));
    const later = records.filter((r) => Number(r.id) > lastOwn).reverse();

    return this.tx(async (m) => {
      const state = await this.load(m, spec, entityId, true);
      const target: Values = state ? { ...state.values } : {};
      for (const r of later) if (spec.fields.some((f) => f.name === r.field)) target[r.field] = r.old_value;
      if (!state) {
        // Deleted: recreate with the same id (its DELETE records hold every value).
        const orgId = this.organisationOfNew(spec, target);
        this.authorise(viewer, spec, orgId);
        const org = await this.organisationStatus(m, orgId);
        if (this.needsReview(user, org)) {
          return this.propose(m, user, spec, EditOperation.CREATE, orgId, null, null, { ...target, id: entityId });
        }
        const created = await this.applyCreate(m, spec, target, actorOf(user), AuditAction.RESTORE, entityId);
        return this.applied(type, created.id, created.version, orgId);
      }
      this.authorise(viewer, spec, state.organisationId);
      const patch = this.diff(spec, state.values, target);
      if (!Object.keys(patch).length) return this.applied(type, entityId, state.version, state.organisationId);
      if (this.needsReview(user, state.organisationStatus)) {
        return this.propose(m, user, spec, EditOperation.UPDATE, state.organisationId, entityId, state.version, patch);
      }
      const version = await this.applyUpdate(m, spec, state, patch, actorOf(user), AuditAction.RESTORE);
      return this.applied(type, entityId, version, state.organisationId);
    });
  }

  // ------------------------------------------------------------------ GDPR

  /** Deletes a contact person, removes their values from earlier audit records and pending changes, audits the erasure. */
  async eraseContact(viewer: Viewer, id: string): Promise<void> {
    const user = requireStaff(viewer);
    const spec = ENTITY_SPECS[EditableEntity.CONTACT_PERSON];
    await this.tx(async (m) => {
      const state = await this.load(m, spec, id, true);
      if (!state) throw new NotFoundException('Contact person', id);
      await m.query(`DELETE FROM contact WHERE id = $1`, [id]);
      await m.query(`UPDATE audit_record SET old_value = NULL, new_value = NULL WHERE entity_type = $1 AND entity_id = $2`, [
        EditableEntity.CONTACT_PERSON,
        id,
      ]);
      await m.query(`DELETE FROM pending_change WHERE entity_type = $1 AND (entity_id = $2 OR payload->>'id' = $2::text)`, [
        EditableEntity.CONTACT_PERSON,
        id,
      ]);
      const actor = actorOf(user);
      await m.query(
        `INSERT INTO audit_record (change_id, entity_type, entity_id, organisation_id, field, old_value, new_value, action, actor_id, actor_label)
         VALUES ($1, $2, $3, $4, '*', NULL, NULL, $5, $6, $7)`,
        [randomUUID(), EditableEntity.CONTACT_PERSON, id, state.organisationId, AuditAction.ERASE, actor.id, actor.label],
      );
    });
  }

  // ------------------------------------------------------------------ internals

  private async tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(fn);
    } catch (error) {
      const problem = integrityProblem(error);
      if (problem) throw new InvalidEditException([{ field: 'input', problem }]);
      throw error;
    }
  }

  private applied(type: EditableEntity, id: string, version: number | null, organisationId: string): EditResultData {
    return { outcome: EditOutcome.APPLIED, entityType: type, entityId: id, version, organisationId, pendingChangeId: null };
  }

  private authorise(viewer: Viewer, spec: EntitySpec, organisationId: string): void {
    if (spec.type === EditableEntity.NETWORK_MEMBERSHIP) requireStaff(viewer);
    else requireOrganisationEditor(viewer, organisationId);
  }

  private needsReview(user: SessionUser, organisationStatus: PublicationStatus): boolean {
    return organisationStatus === PublicationStatus.PUBLISHED && !publishesDirectly(user);
  }

  /** Locks the row, checks who may edit it and that the version is the one the edit was based on. */
  private async lockForEdit(m: EntityManager, viewer: Viewer, spec: EntitySpec, id: string, expectedVersion: number): Promise<StoredState> {
    const state = await this.load(m, spec, id, true);
    if (!state) throw new NotFoundException(LABELS[spec.type], id);
    this.authorise(viewer, spec, state.organisationId);
    if (state.version !== expectedVersion) throw new EditConflictException(LABELS[spec.type], id, state.version, state.values);
    return state;
  }

  private async organisationStatus(m: EntityManager, organisationId: string): Promise<PublicationStatus> {
    const [o]: { status: PublicationStatus }[] = await m.query(`SELECT status FROM organization WHERE id = $1`, [organisationId]);
    if (!o) throw new NotFoundException('Organisation', organisationId);
    return o.status;
  }

  private organisationOfNew(spec: EntitySpec, values: Values): string {
    const key = spec.type === EditableEntity.RELATIONSHIP ? 'sourceOrganisationId' : 'organisationId';
    return values[key] as string;
  }

  private requireComplete(spec: EntitySpec, values: Values): void {
    const missing = spec.fields.filter((f) => f.required && (values[f.name] === null || values[f.name] === undefined));
    if (missing.length) throw new InvalidEditException(missing.map((f) => ({ field: `input.${f.name}`, problem: 'is required' })));
  }

  /** Fields whose value differs from the stored one (the patch that is written and audited). */
  diff(spec: EntitySpec, stored: Values, wanted: Values): Values {
    const patch: Values = {};
    for (const f of spec.fields) {
      if (!(f.name in wanted) || wanted[f.name] === undefined) continue;
      if (canonical(f, stored[f.name]) !== canonical(f, wanted[f.name])) patch[f.name] = wanted[f.name];
    }
    return patch;
  }

  private async propose(
    m: EntityManager,
    user: SessionUser,
    spec: EntitySpec,
    operation: EditOperation,
    organisationId: string,
    entityId: string | null,
    baseVersion: number | null,
    payload: Values,
  ): Promise<EditResultData> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO pending_change (organisation_id, entity_type, entity_id, operation, base_version, payload, proposed_by_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
      [organisationId, spec.type, entityId, operation, baseVersion, JSON.stringify(payload), user.id],
    );
    return {
      outcome: EditOutcome.PENDING_REVIEW,
      entityType: spec.type,
      entityId,
      version: baseVersion,
      organisationId,
      pendingChangeId: row.id,
    };
  }

  private param(f: FieldSpec, value: unknown): unknown {
    if (value === undefined || value === null) return null;
    if (f.json) return JSON.stringify(value);
    if (f.set && Array.isArray(value)) return [...(value as unknown[])].map(String).sort();
    return value;
  }

  private async applyCreate(
    m: EntityManager,
    spec: EntitySpec,
    values: Values,
    actor: Actor,
    action: AuditAction,
    id?: string,
  ): Promise<{ id: string; version: number }> {
    const columns: string[] = [];
    const exprs: string[] = [];
    const params: unknown[] = [];
    if (id ?? values.id) {
      params.push(id ?? values.id);
      columns.push('id');
      exprs.push(`$${params.length}::uuid`);
    }
    for (const f of spec.fields) {
      if (f.sync || !(f.name in values) || values[f.name] === undefined) continue;
      params.push(this.param(f, values[f.name]));
      const p = `$${params.length}`;
      if (f.write) {
        const w = f.write(p);
        columns.push(w.column);
        exprs.push(w.sql);
      } else {
        columns.push(f.column!);
        exprs.push(`${p}::${f.cast}`);
      }
    }
    const [row]: { id: string; version: number }[] = await m.query(
      `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${exprs.join(', ')}) RETURNING id, version`,
      params,
    );
    for (const f of spec.fields) if (f.sync && f.name in values) await f.sync(m, row.id, values[f.name]);
    const state = (await this.load(m, spec, row.id))!;
    await this.audit(m, spec, row.id, state.organisationId, {}, state.values, actor, action, true);
    await this.refresh(m, spec, state.organisationId);
    return row;
  }

  private async applyUpdate(
    m: EntityManager,
    spec: EntitySpec,
    state: StoredState,
    patch: Values,
    actor: Actor,
    action: AuditAction,
  ): Promise<number> {
    const sets: string[] = [];
    const params: unknown[] = [state.id, state.version];
    for (const f of spec.fields) {
      if (f.sync || !(f.name in patch) || f.createOnly) continue;
      params.push(this.param(f, patch[f.name]));
      const p = `$${params.length}`;
      if (f.write) {
        const w = f.write(p);
        sets.push(`${w.column} = ${w.sql}`);
      } else {
        sets.push(`${f.column} = ${p}::${f.cast}`);
      }
    }
    // The conditional UPDATE is the guarantee against lost updates; the row lock only makes losers wait.
    const rows = returnedRows<{ version: number }>(
      await m.query(
        `UPDATE ${spec.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING version`,
        params,
      ),
    );
    if (!rows.length) throw new EditConflictException(LABELS[spec.type], state.id, null, null);
    for (const f of spec.fields) if (f.sync && f.name in patch) await f.sync(m, state.id, patch[f.name]);
    await this.audit(m, spec, state.id, state.organisationId, state.values, patch, actor, action, false);
    await this.refresh(m, spec, state.organisationId);
    return rows[0].version;
  }

  private async applyDelete(m: EntityManager, spec: EntitySpec, state: StoredState, actor: Actor, action: AuditAction): Promise<void> {
    const rows = returnedRows(
      await m.query(`DELETE FROM ${spec.table} WHERE id = $1 AND version = $2 RETURNING id`, [state.id, state.version]),
    );
    if (!rows.length) throw new EditConflictException(LABELS[spec.type], state.id, null, null);
    const gone: Values = Object.fromEntries(spec.fields.map((f) => [f.name, null]));
    await this.audit(
      m,
      spec,
      state.id,
      state.organisationId,
      state.values,
      gone,
      actor,
      action === AuditAction.APPROVE ? AuditAction.DELETE : action,
      false,
      true,
    );
    await this.refresh(m, spec, state.organisationId);
  }

  /** One record per changed field, in the caller's transaction. DELETE records keep every old value (for restore). */
  private async audit(
    m: EntityManager,
    spec: EntitySpec,
    entityId: string,
    organisationId: string,
    before: Values,
    after: Values,
    actor: Actor,
    action: AuditAction,
    isCreate: boolean,
    isDelete = false,
  ): Promise<void> {
    const changeId = randomUUID();
    const rows: unknown[][] = [];
    for (const f of spec.fields) {
      if (!(f.name in after)) continue;
      const oldValue = isCreate ? null : (before[f.name] ?? null);
      const newValue = after[f.name] ?? null;
      if (!isDelete && !isCreate && canonical(f, oldValue) === canonical(f, newValue)) continue;
      if (isCreate && newValue === null) continue;
      if (isDelete && oldValue === null) continue;
      rows.push([f.name, JSON.stringify(oldValue), JSON.stringify(newValue)]);
    }
    if (isDelete && !rows.length) rows.push(['*', 'null', 'null']);
    if (!rows.length) return;
    await m.query(
      `INSERT INTO audit_record (change_id, entity_type, entity_id, organisation_id, field, old_value, new_value, action, actor_id, actor_label)
       SELECT $1, $2, $3, $4, x.field, x.old_value::jsonb, x.new_value::jsonb, $5, $6, $7
         FROM unnest($8::text[], $9::text[], $10::text[]) AS x(field, old_value, new_value)`,
      [
        changeId,
        spec.type,
        entityId,
        organisationId,
        action,
        actor.id,
        actor.label,
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
      ],
    );
  }

  private async refresh(m: EntityManager, spec: EntitySpec, organisationId: string): Promise<void> {
    if (spec.type === EditableEntity.ORGANISATION || spec.type === EditableEntity.LOCATION || spec.type === EditableEntity.SERVICE) {
      await m.query(`SELECT pa_refresh_organisations(ARRAY[$1]::uuid[])`, [organisationId]);
    }
  }

  private async lockPending(
    m: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    entity_type: EditableEntity;
    entity_id: string | null;
    operation: EditOperation;
    base_version: number | null;
    payload: Values;
    status: ChangeStatus;
    proposed_by_id: string | null;
  }> {
    const [pc] = await m.query(`SELECT * FROM pending_change WHERE id = $1 FOR UPDATE`, [id]);
    if (!pc) throw new NotFoundException('Pending change', id);
    if (pc.status !== ChangeStatus.PENDING) {
      throw new EditConflictException('Pending change', id, null, null);
    }
    return pc;
  }

  // ------------------------------------------------------------------ input normalisation and domain validation

  /**
   * Trims text (empty → null), folds latitude/longitude into `coordinates`, sets consent dates, and checks every
   * reference (codes, locations, organisations, networks) so that bad input gets a field-named error.
   */
  private async normalise(
    m: EntityManager,
    spec: EntitySpec,
    input: Values,
    state: StoredState | null,
    organisationId: string | null,
  ): Promise<Values> {
    const problems: { field: string; problem: string }[] = [];
    const v: Values = {};
    for (const [key, raw] of Object.entries(input)) {
      if (raw === undefined) continue;
      v[key] = typeof raw === 'string' ? (raw.trim() === '' ? null : raw.trim()) : raw;
    }
    for (const f of spec.fields) {
      if (f.required && state && f.name in v && v[f.name] === null) problems.push({ field: `input.${f.name}`, problem: 'cannot be empty' });
      if (f.createOnly && state && f.name in v && canonical(f, v[f.name]) !== canonical(f, state.values[f.name])) {
        problems.push({ field: `input.${f.name}`, problem: 'cannot be changed; create a new entry instead' });
      }
    }
    if (spec.type !== EditableEntity.ORGANISATION && !state) {
      if (spec.type === EditableEntity.RELATIONSHIP) v.sourceOrganisationId ??= organisationId;
      else if (spec.type !== EditableEntity.NETWORK_MEMBERSHIP) v.organisationId = organisationId;
    }

    switch (spec.type) {
      case EditableEntity.ORGANISATION: {
        if (v.phones)
          v.phones = (v.phones as { number: string; description?: string | null }[]).map((p) => ({
            number: p.number.trim(),
            description: p.description?.trim() || null,
          }));
        const parent = v.parentOrganisationId as string | null | undefined;
        if (parent) {
          if (state && parent === state.id)
            problems.push({ field: 'input.parentOrganisationId', problem: 'an organisation cannot be its own umbrella' });
          else if (!(await this.exists(m, 'organization', parent)))
            problems.push({ field: 'input.parentOrganisationId', problem: 'no such organisation' });
        }
        break;
      }
      case EditableEntity.LOCATION: {
        const hasLat = 'latitude' in v;
        const hasLng = 'longitude' in v;
        if (hasLat || hasLng) {
          const lat = v.latitude as number | null | undefined;
          const lng = v.longitude as number | null | undefined;
          if ((lat === null || lat === undefined) !== (lng === null || lng === undefined)) {
            problems.push({ field: 'input.latitude', problem: 'latitude and longitude go together (give both or clear both)' });
          } else {
            v.coordinates = lat === null || lat === undefined ? null : { latitude: lat, longitude: lng };
          }
        }
        delete v.latitude;
        delete v.longitude;
        if (v.areaId && !(await this.exists(m, 'area', v.areaId as string)))
          problems.push({ field: 'input.areaId', problem: 'no such area' });
        break;
      }
      case EditableEntity.SERVICE: {
        for (const [key, kind] of [
          ['fieldsOfAction', TaxonomyKind.FIELD_OF_ACTION],
          ['targetGroups', TaxonomyKind.TARGET_GROUP],
        ] as const) {
          const codes = v[key] as string[] | null | undefined;
          if (codes?.length) {
            const known: { code: string }[] = await m.query(
              `SELECT tt.code FROM taxonomy_term tt JOIN taxonomy tx ON tx.id = tt.taxonomy_id WHERE tt.code = ANY($1::text[]) AND tx.kind = $2`,
              [codes, kind],
            );
            const unknown = codes.filter((c) => !known.some((k) => k.code === c));
            if (unknown.length) problems.push({ field: `input.${key}`, problem: `unknown codes: ${unknown.join(', ')}` });
          }
        }
        const locs = v.locationIds as string[] | null | undefined;
        const org = state?.organisationId ?? organisationId;
        if (locs?.length) {
          const ok: { id: string }[] = await m.query(`SELECT id FROM location WHERE id = ANY($1::uuid[]) AND organisation_id = $2`, [
            locs,
            org,
          ]);
          if (ok.length !== new Set(locs).size)
            problems.push({ field: 'input.locationIds', problem: 'must be locations of the same organisation' });
        }
        break;
      }
      case EditableEntity.CONTACT_PERSON: {
        if ('consentToPublish' in v) {
          const consent = v.consentToPublish === true;
          v.consentToPublish = consent;
          const had = state?.values.consentToPublish === true;
          v.consentDate = consent ? (had ? state!.values.consentDate : today()) : null;
        }
        break;
      }
      case EditableEntity.RELATIONSHIP: {
        const source = (v.sourceOrganisationId as string | undefined) ?? (state?.values.sourceOrganisationId as string);
        const target = (v.targetOrganisationId as string | undefined) ?? (state?.values.targetOrganisationId as string);
        if (target && target === source)
          problems.push({ field: 'input.targetOrganisationId', problem: 'an organisation cannot relate to itself' });
        if (v.targetOrganisationId && !(await this.exists(m, 'organization', v.targetOrganisationId as string))) {
          problems.push({ field: 'input.targetOrganisationId', problem: 'no such organisation' });
        }
        if (v.fieldOfActionCode && !(await m.query(`SELECT 1 FROM taxonomy_term WHERE code = $1`, [v.fieldOfActionCode])).length) {
          problems.push({ field: 'input.fieldOfActionCode', problem: 'unknown field-of-action code' });
        }
        const from = (v.validFrom ?? state?.values.validFrom) as string | null;
        const to = (v.validTo ?? state?.values.validTo) as string | null;
        if (from && to && from > to) problems.push({ field: 'input.validTo', problem: 'must not be before validFrom' });
        break;
      }
      case EditableEntity.NETWORK_MEMBERSHIP: {
        if (v.networkId && !(await this.exists(m, 'network', v.networkId as string)))
          problems.push({ field: 'input.networkId', problem: 'no such network' });
        if (v.organisationId && !(await this.exists(m, 'organization', v.organisationId as string))) {
          problems.push({ field: 'input.organisationId', problem: 'no such organisation' });
        }
        const since = (v.since ?? state?.values.since) as string | null;
        const until = (v.until ?? state?.values.until) as string | null;
        if (since && until && since > until) problems.push({ field: 'input.until', problem: 'must not be before since' });
        break;
      }
    }
    if (problems.length) throw new InvalidEditException(problems);
    if (
      !state &&
      spec.type !== EditableEntity.ORGANISATION &&
      spec.type !== EditableEntity.NETWORK_MEMBERSHIP &&
      spec.type !== EditableEntity.RELATIONSHIP
    ) {
      await this.organisationStatus(m, organisationId!);
    }
    // Only known fields travel further.
    return Object.fromEntries(Object.entries(v).filter(([k]) => spec.fields.some((f) => f.name === k)));
  }

  private async exists(m: EntityManager, table: string, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
  }

  /** Who may see what of the pending changes and history (used by the queries). */
  assertCanReadOrganisation(viewer: Viewer, organisationId: string): SessionUser {
    const user = requireUser(viewer);
    if (user.role === UserRole.EDITOR && !user.organisationIds.includes(organisationId)) {
      throw new ForbiddenException('You may only see the history of your own organisations');
    }
    return user;
  }
}
