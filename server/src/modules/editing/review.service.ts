import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeStatus, EditableEntity, EditOperation, PublicationStatus, UserRole } from '@partneratlas/shared';
import { canEditOrganisation, requireStaff, requireUser } from '../../common/authz';
import { NotFoundException } from '../../common/exceptions/domain.exception';
import { isStaff, Viewer } from '../../common/viewer';
import type { Organisation } from '../organisations/dto/organisation.model';
import { ORG_COLUMNS } from '../organisations/organisation-search.sql';
import { AuditEntry, ContactPerson, FieldChange, PendingChange } from './dto/edit.model';
import { EditingService } from './editing.service';
import { ENTITY_SPECS } from './entity-specs';

interface PendingRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  entity_type: EditableEntity;
  entity_id: string | null;
  operation: EditOperation;
  base_version: number | null;
  payload: Record<string, unknown>;
  status: ChangeStatus;
  proposed_by: string | null;
  proposed_at: Date;
  reviewed_at: Date | null;
  rejection_reason: string | null;
}

const PENDING_FROM = `SELECT pc.id, pc.organisation_id, o.name AS organisation_name, pc.entity_type, pc.entity_id, pc.operation,
         pc.base_version, pc.payload, pc.status, COALESCE(u.display_name, u.email) AS proposed_by, pc.proposed_at, pc.reviewed_at,
         pc.rejection_reason
    FROM pending_change pc JOIN organization o ON o.id = pc.organisation_id LEFT JOIN app_user u ON u.id = pc.proposed_by_id`;

const CONTACT_COLUMNS = `c.id, c.organisation_id AS "organisationId", c.name, c.title, c.email, c.phone,
  c.consent_to_publish AS "consentToPublish", to_char(c.consent_date, 'YYYY-MM-DD') AS "consentDate", c.version`;

/** Reading what editing produced: review queue, history, stale entries, contact persons, own organisations. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly editing: EditingService,
  ) {}

  /** Staff see every proposal; editors see their own (with the rejection reason). */
  async pendingChanges(viewer: Viewer, status: ChangeStatus, organisationId?: string): Promise<PendingChange[]> {
    const user = requireUser(viewer);
    const rows: PendingRow[] = await this.ds.query(
      `${PENDING_FROM}
        WHERE pc.status = $1 AND ($2::uuid IS NULL OR pc.organisation_id = $2) AND ($3::boolean OR pc.proposed_by_id = $4)
        ORDER BY pc.proposed_at ${status === ChangeStatus.PENDING ? 'ASC' : 'DESC'} LIMIT 500`,
      [status, organisationId ?? null, isStaff(viewer), user.id],
    );
    // the stored states for the diffs: one statement per entity kind, not one per proposal
    const stored = new Map<string, Record<string, unknown>>();
    for (const type of new Set(rows.map((r) => r.entity_type))) {
      const ids = rows.filter((r) => r.entity_type === type && r.entity_id).map((r) => r.entity_id!);
      for (const s of await this.editing.loadMany(this.ds, ENTITY_SPECS[type], [...new Set(ids)])) stored.set(s.id, s.values);
    }
    return rows.map((r) => this.toPending(r, r.entity_id ? (stored.get(r.entity_id) ?? {}) : {}));
  }

  async pendingById(id: string): Promise<PendingChange> {
    const [r]: PendingRow[] = await this.ds.query(
      `${PENDING_FROM}
        WHERE pc.id = $1`,
      [id],
    );
    if (!r) throw new NotFoundException('Pending change', id);
    const state = r.entity_id ? await this.editing.load(this.ds, ENTITY_SPECS[r.entity_type], r.entity_id) : null;
    return this.toPending(r, state?.values ?? {});
  }

  /** A proposal with its field-by-field diff against the stored values. */
  private toPending(r: PendingRow, stored: Record<string, unknown>): PendingChange {
    const spec = ENTITY_SPECS[r.entity_type];
    let diff: FieldChange[];
    if (r.operation === EditOperation.CREATE) {
      diff = spec.fields
        .filter((f) => r.payload[f.name] != null)
        .map((f) => ({ field: f.name, oldValue: null, newValue: r.payload[f.name] }));
    } else if (r.operation === EditOperation.DELETE) {
      diff = spec.fields.filter((f) => stored[f.name] != null).map((f) => ({ field: f.name, oldValue: stored[f.name], newValue: null }));
    } else {
      diff = spec.fields
        .filter((f) => f.name in r.payload)
        .map((f) => ({ field: f.name, oldValue: stored[f.name] ?? null, newValue: r.payload[f.name] ?? null }));
    }
    return {
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      entityType: r.entity_type,
      entityId: r.entity_id,
      operation: r.operation,
      diff,
      baseVersion: r.base_version,
      status: r.status,
      proposedBy: r.proposed_by,
      proposedAt: r.proposed_at,
      reviewedAt: r.reviewed_at,
      rejectionReason: r.rejection_reason,
    };
  }

  /** The organisation's history (and that of its locations, services, contacts, relationships, memberships), newest first. */
  async history(viewer: Viewer, organisationId: string): Promise<AuditEntry[]> {
    this.editing.assertCanReadOrganisation(viewer, organisationId);
    return this.ds.query(
      `SELECT a.change_id AS id, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.actor_label AS actor, a.at,
              jsonb_agg(jsonb_build_object('field', a.field, 'oldValue', a.old_value, 'newValue', a.new_value) ORDER BY a.id) AS changes
         FROM audit_record a
        WHERE a.organisation_id = $1
        GROUP BY a.change_id, a.action, a.entity_type, a.entity_id, a.actor_label, a.at
        ORDER BY max(a.id) DESC
        LIMIT 500`,
      [organisationId],
    );
  }

  /** Published or draft entries not confirmed for `months` months (or never), oldest first. */
  async stale(viewer: Viewer, months: number): Promise<Organisation[]> {
    requireStaff(viewer);
    return this.ds.query(
      `SELECT ${ORG_COLUMNS} FROM organization o
        WHERE o.status <> $1 AND (o.last_confirmed_at IS NULL OR o.last_confirmed_at < current_date - make_interval(months => $2))
        ORDER BY o.last_confirmed_at NULLS FIRST, o.sort_name LIMIT 1000`,
      [PublicationStatus.ARCHIVED, months],
    );
  }

  /** Editors: their organisations (any status). Staff: every entry that is not archived. */
  async myOrganisations(viewer: Viewer): Promise<Organisation[]> {
    const user = requireUser(viewer);
    if (user.role === UserRole.EDITOR) {
      return this.ds.query(`SELECT ${ORG_COLUMNS} FROM organization o WHERE o.id = ANY($1::uuid[]) ORDER BY o.sort_name`, [
        user.organisationIds,
      ]);
    }
    return this.ds.query(`SELECT ${ORG_COLUMNS} FROM organization o WHERE o.status <> $1 ORDER BY o.sort_name LIMIT 2000`, [
      PublicationStatus.ARCHIVED,
    ]);
  }

  /** Contacts per organisation: all for those who may edit it, else only those who consented to publication. */
  async contactsByOrganisationIds(ids: string[], viewer: Viewer): Promise<ContactPerson[]> {
    const editable = ids.filter((id) => canEditOrganisation(viewer, id));
    return this.ds.query(
      `SELECT ${CONTACT_COLUMNS} FROM contact c
        WHERE c.organisation_id = ANY($1::uuid[]) AND (c.consent_to_publish OR c.organisation_id = ANY($2::uuid[]))
        ORDER BY c.name, c.id`,
      [ids, editable],
    );
  }

  async pendingCounts(ids: string[]): Promise<{ organisationId: string; count: number }[]> {
    return this.ds.query(
      `SELECT organisation_id AS "organisationId", count(*)::int AS count FROM pending_change
        WHERE organisation_id = ANY($1::uuid[]) AND status = $2 GROUP BY organisation_id`,
      [ids, ChangeStatus.PENDING],
    );
  }

  /** GDPR Art. 15/20: everything stored about one contact person, including the audit trail. */
  async contactPersonData(viewer: Viewer, id: string): Promise<Record<string, unknown>> {
    requireStaff(viewer);
    const [contact]: ContactPerson[] = await this.ds.query(`SELECT ${CONTACT_COLUMNS} FROM contact c WHERE c.id = $1`, [id]);
    if (!contact) throw new NotFoundException('Contact person', id);
    const history: unknown[] = await this.ds.query(
      `SELECT field, old_value AS "oldValue", new_value AS "newValue", action, at FROM audit_record
        WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [EditableEntity.CONTACT_PERSON, id],
    );
    const pending: unknown[] = await this.ds.query(
      `SELECT operation, payload, status, proposed_at AS "proposedAt" FROM pending_change WHERE entity_type = $1 AND entity_id = $2`,
      [EditableEntity.CONTACT_PERSON, id],
    );
    return { exportedAt: new Date().toISOString(), contact, history, pendingChanges: pending };
  }
}
