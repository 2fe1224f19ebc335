import { useEffect, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';
import { placeTarget, resolveGoTo, searchPlaces, type GazetteerPlace } from '../../../shared/geo/go-to';
import { DETAIL_MISSING_ZOOM, goTo, toggleGoToBox, useGoTo } from '../map/go-to-map';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { actionTitle } from '../action-table';
import './go-to.css';

/**
 * The "Go to" box over the map (Ctrl+G): a place of the offline gazetteer, WGS 84 coordinates
 * or VN-2000 "X Y zone" (shared/geo/go-to.ts). Also the hint that a new site has no detailed map.
 */
export function GoToBox() {
  const t = useT();
  const open = useGoTo((s) => s.open);
  const area = useRef<HTMLDivElement>(null);
  // Esc and a click outside close it (use-dismiss.ts), and the focus returns to "Go to".
  useDismiss(area, open, toggleGoToBox);
  return (
    <div ref={area} className="go-to">
      {open ? (
        <GoToForm />
      ) : (
        <button type="button" className="go-to-open" aria-expanded={false} onClick={toggleGoToBox} title={actionTitle(t('goTo.title'), 'go-to')}>
          {t('goTo.button')}
        </button>
      )}
      <NoDetailHint />
    </div>
  );
}

function GoToForm() {
  const t = useT();
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const places = searchPlaces(text);
  const kind = (p: GazetteerPlace) => t(`goTo.kind.${p.kind}`, { province: p.province });

  return (
    <form
      className="go-to-form"
      role="search"
      aria-label={t('goTo.title')}
      onSubmit={(event) => {
        event.preventDefault();
        const target = resolveGoTo(text);
        if (target) goTo(target);
        else setNotFound(text.trim());
      }}
    >
      <div className="go-to-row">
        <input
          ref={input}
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('goTo.placeholder')}
          aria-label={t('goTo.title')}
          onChange={(event) => {
            setText(event.target.value);
            setNotFound(null);
          }}
        />
        <button type="button" className="icon-button" onClick={toggleGoToBox} aria-label={t('goTo.close')} title={t('goTo.close')}>
          ×
        </button>
      </div>
      {notFound !== null && <p className="go-to-error" role="alert">{t('goTo.notFound', { text: notFound })}</p>}
      {places.length > 0 && (
        <ul className="go-to-places">
          {places.map((p) => (
            <li key={`${p.kind}:${p.name}:${p.lon}`}>
              <button type="button" onClick={() => goTo(placeTarget(p))}>
                <strong>{p.name}</strong> <span>{kind(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** In the map, when zoomed past what the bundled country outlines can show and nothing else is loaded. */
function NoDetailHint() {
  const t = useT();
  const zoom = useGoTo((s) => s.zoom);
  const basemap = useUiStore((s) => s.basemap);
  if (basemap !== 'offline' || zoom < DETAIL_MISSING_ZOOM) return null;
  return (
    <div className="map-hint" role="note" data-testid="no-detail-hint">
      <span>{t('mapHint.noDetail')}</span>
      <button type="button" onClick={() => useUiStore.setState({ basemapMenuOpen: true })}>
        {t('mapHint.openBasemaps')}
      </button>
    </div>
  );
}
