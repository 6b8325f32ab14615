import { useTranslation } from 'react-i18next';
import type { DetailLocationFragment } from '../../../lib/graphql/graphql';
import { useFormatters, WEEKDAY_ORDER } from '../../../lib/intl';

type Schedule = DetailLocationFragment['schedules'][number];

/** Opening hours by weekday (names and times through Intl), Monday first. */
export function OpeningHours({ schedules }: { schedules: readonly Schedule[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const sorted = [...schedules].sort(
    (a, b) => WEEKDAY_ORDER.indexOf(a.byday) - WEEKDAY_ORDER.indexOf(b.byday) || (a.opensAt ?? '').localeCompare(b.opensAt ?? ''),
  );
  return (
    <table className="hours">
      <caption>{t('detail.openingHours')}</caption>
      <tbody>
        {sorted.map((s) => (
          <tr key={s.id}>
            <th scope="row">{f.weekday(s.byday)}</th>
            <td>
              {s.opensAt && s.closesAt
                ? t('detail.timeRange', { from: f.time(s.opensAt), to: f.time(s.closesAt) })
                : s.opensAt
                  ? t('detail.timeFrom', { from: f.time(s.opensAt) })
                  : t('detail.timeUnknown')}
              {s.description && <span className="muted"> · {s.description}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
