import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { InlineFacts } from '../../../components/InlineFacts';
import { EndSessionDocument, MySessionsDocument } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';

/** A short, readable name for a browser's user-agent string (plain text, never HTML). */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser && os ? `${browser} · ${os}` : ua.slice(0, 80);
}

/** Where the user is signed in; any other session can be ended. */
export function SessionList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [endSession] = useMutation(EndSessionDocument);
  const [message, setMessage] = useState<string | null>(null);

  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const sessions = data?.mySessions ?? [];
  return (
    <>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      <ul className="card-list">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <p className="card__title">
              {describeUserAgent(s.userAgent) ?? t('account.sessions.unknownDevice')}
              {s.current && <span className="badge badge--current">{t('account.sessions.current')}</span>}
            </p>
            <InlineFacts
              items={[
                [t('account.sessions.created'), f.dateTime(s.createdAt)],
                [t('account.sessions.lastSeen'), f.dateTime(s.lastSeenAt)],
                [t('account.sessions.expires'), f.dateTime(s.expiresAt)],
              ]}
            />
            {!s.current && (
              <ConfirmAction
                label={t('account.sessions.end')}
                question={t('account.sessions.endQuestion')}
                confirmLabel={t('account.sessions.endConfirm')}
                danger
                onConfirm={async () => {
                  try {
                    await endSession({ variables: { id: s.id } });
                    setMessage(t('account.sessions.ended'));
                  } catch {
                    setMessage(t('errors.action'));
                  }
                  await refetch();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
