import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_TYPES, type ColourBy, type NetworkViewState, type RelationshipTypeCode, type SizeBy } from '../utils/network-state';

export interface NetworkFilterOptions {
  fields: readonly { code: string; nameDe: string; nameEn: string; parentCode: string | null }[];
  networks: readonly { id: string; name: string }[];
  districts: readonly { id: string; name: string }[];
}

export function NetworkFilters({
  state,
  options,
  onChange,
}: {
  state: NetworkViewState;
  options: NetworkFilterOptions;
  onChange: (patch: Partial<NetworkViewState>) => void;
}) {
  const { t, i18n } = useTranslation();
  const de = i18n.language !== 'en';
  const toggleType = (type: RelationshipTypeCode, on: boolean) => {
    const current = state.types.length ? state.types : [...RELATIONSHIP_TYPES];
    const next = on ? [...new Set([...current, type])] : current.filter((x) => x !== type);
    onChange({ types: next.length === RELATIONSHIP_TYPES.length ? [] : next });
  };
  const typeChecked = (type: RelationshipTypeCode) => !state.types.length || state.types.includes(type);
  return (
    <form className="network-filters" aria-labelledby="network-filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="network-filters-title" className="panel-title">
        {t('network.filters.title')}
      </h2>
      <fieldset>
        <legend>{t('network.filters.types')}</legend>
        {RELATIONSHIP_TYPES.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={typeChecked(type)} onChange={(e) => toggleType(type, e.target.checked)} />
            {t(`network.type.${type}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('network.filters.field')}
        <select value={state.field ?? ''} onChange={(e) => onChange({ field: e.target.value || null })}>
          <option value="">{t('network.filters.all')}</option>
          {options.fields.map((f) => (
            <option key={f.code} value={f.code}>
              {f.parentCode ? '– ' : ''}
              {de ? f.nameDe : f.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('network.filters.network')}
        <select value={state.networkId ?? ''} onChange={(e) => onChange({ networkId: e.target.value || null })}>
          <option value="">{t('network.filters.all')}</option>
          {options.networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('network.filters.district')}
        <select value={state.areaId ?? ''} onChange={(e) => onChange({ areaId: e.target.value || null })}>
          <option value="">{t('network.filters.all')}</option>
          {options.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('network.filters.date')}
        <input type="date" value={state.date ?? ''} onChange={(e) => onChange({ date: e.target.value || null })} />
      </label>
      <label className="field">
        {t('network.filters.colourBy')}
        <select value={state.colourBy} onChange={(e) => onChange({ colourBy: e.target.value as ColourBy })}>
          <option value="community">{t('network.metric.community')}</option>
          <option value="kind">{t('network.filters.kind')}</option>
        </select>
      </label>
      <label className="field">
        {t('network.filters.sizeBy')}
        <select value={state.sizeBy} onChange={(e) => onChange({ sizeBy: e.target.value as SizeBy })}>
          <option value="betweenness">{t('network.metric.betweenness')}</option>
          <option value="degree">{t('network.metric.degree')}</option>
        </select>
      </label>
    </form>
  );
}
