import { CircleMarker, Tooltip } from 'react-leaflet';
import type { Suggestion } from './SuggestionList';

/** Numbered markers of the suggestions (rank in the tooltip, the same number as in the list). */
export function SuggestionMapLayer({
  suggestions,
  selectedId,
  onSelect,
}: {
  suggestions: readonly Suggestion[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <>
      {suggestions.flatMap((s, i) =>
        s.organisation.locations
          .filter((l) => l.latitude !== null && l.longitude !== null)
          .map((l) => (
            <CircleMarker
              key={`${s.organisation.id}-${l.id}-${selectedId === s.organisation.id ? 'sel' : ''}`}
              center={[l.latitude!, l.longitude!]}
              radius={selectedId === s.organisation.id ? 12 : 9}
              pathOptions={{
                color: '#fff',
                weight: 2,
                fillColor: selectedId === s.organisation.id ? '#d00000' : '#1d3557',
                fillOpacity: 0.95,
              }}
              eventHandlers={{ click: () => onSelect(s.organisation.id) }}
            >
              <Tooltip permanent direction="center" className="rank-tooltip">
                {i + 1}
              </Tooltip>
            </CircleMarker>
          )),
      )}
    </>
  );
}
