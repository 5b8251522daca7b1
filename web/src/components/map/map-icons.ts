import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Icons for the institution symbols, drawn on a canvas at start-up: no sprite sheet to serve,
 * nothing fetched. Shape as well as colour tells the kinds apart (colour-blind safe).
 */
export const INSTITUTION_ICONS = {
  technical_school: { label: '技工院校', color: '#1f4e79' },
  training_body: { label: '培训机构', color: '#0f766e' },
  training_base: { label: '实训基地', color: '#b45309' },
  master_studio: { label: '技能大师工作室', color: '#7e3a99' },
} as const;

export type InstitutionKind = keyof typeof INSTITUTION_ICONS;

const SIZE = 22;

function draw(kind: InstitutionKind, ratio: number, highlight: boolean): ImageData {
  const px = SIZE * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  const c = SIZE / 2;
  ctx.lineWidth = highlight ? 3 : 2;
  ctx.strokeStyle = highlight ? '#facc15' : '#ffffff';
  ctx.fillStyle = INSTITUTION_ICONS[kind].color;
  ctx.beginPath();
  if (kind === 'technical_school') {
    // a square (school building)
    ctx.rect(4, 4, SIZE - 8, SIZE - 8);
  } else if (kind === 'training_base') {
    // a diamond
    ctx.moveTo(c, 2);
    ctx.lineTo(SIZE - 2, c);
    ctx.lineTo(c, SIZE - 2);
    ctx.lineTo(2, c);
    ctx.closePath();
  } else if (kind === 'training_body') {
    // a triangle
    ctx.moveTo(c, 3);
    ctx.lineTo(SIZE - 3, SIZE - 4);
    ctx.lineTo(3, SIZE - 4);
    ctx.closePath();
  } else {
    // a star
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? c - 2 : (c - 2) * 0.45;
      const a = (Math.PI / 5) * i - Math.PI / 2;
      ctx[i === 0 ? 'moveTo' : 'lineTo'](c + r * Math.cos(a), c + r * Math.sin(a));
    }
    ctx.closePath();
  }
  ctx.fill();
  ctx.stroke();
  return ctx.getImageData(0, 0, px, px);
}

/** Registers `inst-<kind>` and `inst-<kind>-on` (highlighted) images on the map. */
export function addInstitutionIcons(map: MapLibreMap): void {
  const ratio = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  for (const kind of Object.keys(INSTITUTION_ICONS) as InstitutionKind[]) {
    for (const on of [false, true]) {
      const id = `inst-${kind}${on ? '-on' : ''}`;
      if (!map.hasImage(id)) map.addImage(id, draw(kind, ratio, on), { pixelRatio: ratio });
    }
  }
}

/** The same shapes as inline SVG for the legend. */
export function institutionIconPath(kind: InstitutionKind): string {
  switch (kind) {
    case 'technical_school':
      return 'M3 3h10v10H3z';
    case 'training_base':
      return 'M8 1l7 7-7 7-7-7z';
    case 'training_body':
      return 'M8 2l6.5 11.5h-13z';
    default:
      return 'M8 1l1.9 4.6 4.9.4-3.7 3.2 1.1 4.8L8 11.4 3.8 14l1.1-4.8L1.2 6l4.9-.4z';
  }
}
