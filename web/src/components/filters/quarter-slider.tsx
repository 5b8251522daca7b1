import { useEffect, useState } from 'react';
import { formatQuarter } from '../../lib/format';

export interface QuarterSliderProps {
  quarters: string[];
  value: string | null;
  onChange: (quarter: string) => void;
  /** ms per quarter while playing */
  stepMs?: number;
}

/** The quarter as a slider with a play button that steps through the data window once. */
export function QuarterSlider({ quarters, value, onChange, stepMs = 1400 }: QuarterSliderProps) {
  const [playing, setPlaying] = useState(false);
  const index = value ? quarters.indexOf(value) : quarters.length - 1;

  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(() => {
      const next = index + 1;
      if (next >= quarters.length) setPlaying(false);
      else onChange(quarters[next]!);
    }, stepMs);
    return () => clearTimeout(t);
  }, [playing, index, quarters, onChange, stepMs]);

  if (quarters.length === 0) {
    return (
      <div className="field quarter-slider">
        <span className="field__label">季度</span>
        <span className="quarter-slider__value">加载中…</span>
      </div>
    );
  }
  const play = () => {
    if (playing) return setPlaying(false);
    // from the start when at the end
    if (index >= quarters.length - 1) onChange(quarters[0]!);
    setPlaying(true);
  };
  return (
    <div className="field quarter-slider">
      <label className="field__label" htmlFor="f-quarter">
        季度{' '}
        <output className="quarter-slider__value" htmlFor="f-quarter" data-testid="quarter-value">
          {formatQuarter(quarters[index] ?? '')}
        </output>
      </label>
      <div className="quarter-slider__row">
        <button
          type="button"
          className="button button--icon"
          onClick={play}
          aria-pressed={playing}
          aria-label={playing ? '暂停播放' : '按季度播放'}
          title={playing ? '暂停' : '按季度播放'}
          data-testid="quarter-play"
        >
          {playing ? (
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <path d="M3 2h3v10H3zM8 2h3v10H8z" fill="currentColor" />
            </svg>
          ) : (
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <path d="M3 1.5v11l9-5.5z" fill="currentColor" />
            </svg>
          )}
        </button>
        <input
          id="f-quarter"
          type="range"
          min={0}
          max={quarters.length - 1}
          step={1}
          value={index < 0 ? quarters.length - 1 : index}
          aria-valuetext={formatQuarter(quarters[index] ?? '')}
          onChange={(e) => {
            setPlaying(false);
            onChange(quarters[Number(e.target.value)]!);
          }}
          list="f-quarter-ticks"
        />
        <datalist id="f-quarter-ticks">
          {quarters.map((q, i) => (
            <option key={q} value={i} label={formatQuarter(q, true)} />
          ))}
        </datalist>
      </div>
      <div className="quarter-slider__ends" aria-hidden="true">
        <span>{formatQuarter(quarters[0]!, true)}</span>
        <span>{formatQuarter(quarters[quarters.length - 1]!, true)}</span>
      </div>
    </div>
  );
}
