import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictOf, ErrorCode, errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import type { EditResultFieldsFragment } from '../../../lib/graphql/graphql';
import { conflictRows, mergedInput, problemsByField, type ConflictChoice, type ConflictRow, type Input } from '../utils/edit-form';

export type EditResult = EditResultFieldsFragment;

/** Sends one create/update/delete; `expectedVersion` is null for a create. Throws the API's error. */
export type SubmitEdit = (input: Input, expectedVersion: number | null) => Promise<EditResult | null | undefined>;

export interface ConflictState {
  rows: ConflictRow[];
  currentVersion: number;
  current: Record<string, unknown>;
}

export interface UseEntityEditOptions {
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  /** Field names of the form, to place BAD_USER_INPUT problems next to their field. */
  fields: readonly string[];
  /** The stored entry changed and nothing of the editor's is left to send: reload it. */
  onStale?: () => void;
}

/** Sends an edit and turns the API's answer into what the form shows: field problems, a conflict to merge, a message. */
export function useEntityEdit({ submit, onResult, fields, onStale }: UseEntityEditOptions) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ConflictState | null>(null);

  const run = useCallback(
    async (input: Input, expectedVersion: number | null): Promise<boolean> => {
      setBusy(true);
      setFieldErrors({});
      setFormErrors([]);
      try {
        const result = await submit(input, expectedVersion);
        if (result) onResult(result);
        return true;
      } catch (error) {
        const code = errorCodeOf(error);
        const problems = fieldProblemsOf(error);
        const info = conflictOf(error);
        if (problems.length > 0) {
          const { fields: byField, other } = problemsByField(problems, fields);
          setFieldErrors(byField);
          setFormErrors([t('editing.errors.checkFields'), ...other]);
        } else if (info) {
          const rows = conflictRows(input, info.current);
          if (rows.length === 0) {
            // Everything the editor wanted is already stored (someone made the same change).
            setFormErrors([t('editing.conflict.alreadyStored')]);
            onStale?.();
          } else {
            setConflict({ rows, currentVersion: info.currentVersion, current: info.current });
          }
        } else if (code === ErrorCode.CONFLICT) {
          setFormErrors([errorMessageOf(error, code) ?? t('editing.errors.conflict')]);
          onStale?.();
        } else if (code === ErrorCode.FORBIDDEN) {
          setFormErrors([t('editing.errors.forbidden')]);
        } else if (code === ErrorCode.UNAUTHENTICATED) {
          setFormErrors([t('editing.errors.unauthenticated')]);
        } else if (code === ErrorCode.NOT_FOUND) {
          setFormErrors([t('editing.errors.notFound')]);
        } else {
          setFormErrors([t('editing.errors.save')]);
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [submit, onResult, fields, onStale, t],
  );

  /** Resubmits the merged values against the version the conflict reported. */
  const resolveConflict = useCallback(
    async (choices: Record<string, ConflictChoice>) => {
      if (!conflict) return;
      const input = mergedInput(conflict.rows, choices);
      const version = conflict.currentVersion;
      setConflict(null);
      if (Object.keys(input).length === 0) {
        setFormErrors([t('editing.conflict.keptCurrent')]);
        onStale?.();
        return;
      }
      await run(input, version);
    },
    [conflict, run, onStale, t],
  );

  const cancelConflict = useCallback(() => setConflict(null), []);

  return { run, busy, fieldErrors, formErrors, conflict, resolveConflict, cancelConflict, setFieldErrors, setFormErrors };
}
