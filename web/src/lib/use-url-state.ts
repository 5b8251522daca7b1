import { useCallback, useSyncExternalStore } from 'react';
import { applyPatch, parseState, stateHref, type AppState } from './url-state';

const CHANGE = 'talentmap:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

// useSyncExternalStore needs a stable snapshot: cache the parse per href.
let cachedHref = '';
let cachedState: AppState | null = null;
function snapshot(): AppState {
  const href = window.location.pathname + window.location.search;
  if (href !== cachedHref || cachedState === null) {
    cachedHref = href;
    cachedState = parseState(window.location.pathname, window.location.search);
  }
  return cachedState;
}

export type UpdateState = (patch: Partial<AppState>, options?: { push?: boolean }) => void;

/**
 * The app state, read from and written to the URL. Choices a person makes push a history
 * entry (Back undoes them); the map view replaces the current entry so panning does not fill
 * the history.
 */
export function useUrlState(): [AppState, UpdateState] {
  const state = useSyncExternalStore(subscribe, snapshot, snapshot);
  const update = useCallback<UpdateState>((patch, options) => {
    const next = applyPatch(snapshot(), patch);
    const href = stateHref(next);
    if (href === window.location.pathname + window.location.search) return;
    if (options?.push === false) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  return [state, update];
}
