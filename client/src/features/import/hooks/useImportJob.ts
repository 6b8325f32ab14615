import { useEffect } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ImportJobDocument, StartImportDocument, type ImportJobFieldsFragment, type StartImportInput } from '../../../lib/graphql/graphql';

export type ImportJob = ImportJobFieldsFragment;

const FINISHED = new Set(['DRY_RUN_DONE', 'APPLIED', 'FAILED']);
const POLL_MS = 500;

export const isFinished = (job: ImportJob | null | undefined): boolean => !!job && FINISHED.has(job.status);

/** Starts import jobs and follows the current one by polling until it has finished. */
export function useImportJob(jobId: string | null) {
  const [start, started] = useMutation(StartImportDocument);
  const { data, error, stopPolling } = useQuery(ImportJobDocument, {
    variables: { id: jobId ?? '' },
    skip: !jobId,
    pollInterval: POLL_MS,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const job = jobId ? (data?.importJob ?? null) : null;
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) stopPolling();
  }, [finished, stopPolling]);
  return {
    job,
    error,
    starting: started.loading,
    start: async (input: StartImportInput) => (await start({ variables: { input } })).data?.startImport ?? null,
  };
}
