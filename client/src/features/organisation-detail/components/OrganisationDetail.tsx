import { useEffect, useId, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrganisationDetailDocument } from '../../../lib/graphql/graphql';
import { ErrorCode, errorCodeOf } from '../../../lib/errors';
import { OrganisationDetailView } from './OrganisationDetailView';

export interface OrganisationDetailProps {
  id: string;
  hrefFor: (id: string) => string;
  onOpenOrganisation?: (id: string) => void;
  headingLevel?: 1 | 2;
  /** Move focus to the name when the selection changes (panel use). */
  focusOnLoad?: boolean;
  /** Link to the editing page (shown to those who may edit). */
  editHref?: (id: string) => string;
}

/** Loads one organisation and shows it; says so plainly when it does not exist. */
export function OrganisationDetail({
  id,
  hrefFor,
  onOpenOrganisation,
  headingLevel = 2,
  focusOnLoad = true,
  editHref,
}: OrganisationDetailProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error } = useQuery(OrganisationDetailDocument, { variables: { id } });
  const focused = useRef<string | null>(null);

  useEffect(() => {
    if (!focusOnLoad || !data || focused.current === id) return;
    focused.current = id;
    document.getElementById(headingId)?.focus({ preventScroll: false });
  }, [data, id, focusOnLoad, headingId]);

  if (loading && !data) {
    return (
      <p className="muted" role="status">
        {t('detail.loading')}
      </p>
    );
  }
  if (error || !data) {
    const notFound = errorCodeOf(error) === ErrorCode.NOT_FOUND || errorCodeOf(error) === ErrorCode.BAD_USER_INPUT;
    return (
      <div className="hint hint--warning" role="alert">
        <p>{notFound ? t('detail.notFound') : t('errors.detail')}</p>
      </div>
    );
  }
  return (
    <OrganisationDetailView
      organisation={data.organisation}
      hrefFor={hrefFor}
      onOpenOrganisation={onOpenOrganisation}
      headingLevel={headingLevel}
      headingId={headingId}
      editHref={editHref}
    />
  );
}
