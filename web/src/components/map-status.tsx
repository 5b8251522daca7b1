export type MapStatusProps = { kind: 'loading' } | { kind: 'error'; message: string; onRetry: () => void; retrying: boolean };

/** Overlay on the map while boundaries load, or when they failed to (with a retry). */
export function MapStatus(props: MapStatusProps) {
  if (props.kind === 'loading') {
    return (
      <div className="map-status" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        正在加载边界…
      </div>
    );
  }
  return (
    <div className="map-status map-status--error" role="alert">
      <p className="map-status__title">边界数据加载失败</p>
      <p className="map-status__message">{props.message}</p>
      <button type="button" className="button" onClick={props.onRetry} disabled={props.retrying}>
        {props.retrying ? '正在重试…' : '重试'}
      </button>
    </div>
  );
}
