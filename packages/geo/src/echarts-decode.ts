/**
 * Decoder for ECharts' compressed map geometry ("UTF8Encoding").
 *
 * Why the encoding exists: ECharts ships map outlines as JS/JSON that browsers
 * download, so the map tools quantise every coordinate to an integer grid
 * (value * scale, scale 1024 by default, i.e. ~1/1024 degree ≈ 100 m),
 * store each vertex as the *difference* from the previous vertex (neighbouring
 * vertices are close, so deltas are tiny), ZigZag-map those signed deltas to
 * non-negative integers (0,-1,1,-2,2 → 0,1,2,3,4) and write each one as a
 * single UTF-16 character (code unit = value + 64, which keeps small deltas in
 * printable ASCII '@', 'A', 'B', …). A ring therefore becomes a string with two
 * characters (x then y) per vertex. Because deltas need a starting point, each
 * ring carries an absolute quantised start position in `encodeOffsets`
 * (Polygon: one [x, y] per ring; MultiPolygon: one per ring per polygon).
 *
 * Decoding (mirrors echarts' own `decodeRing`): for each character pair,
 * subtract 64, undo ZigZag with `(v >> 1) ^ -(v & 1)`, add the previous
 * absolute value (starting from the offset) and divide by the scale.
 *
 * These functions are pure: the input object is never mutated.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';

/** Default quantisation scale used by ECharts when `UTF8Scale` is absent. */
export const ECHARTS_DEFAULT_SCALE = 1024;

/** Quantised start position of one ring: [x * scale, y * scale]. */
export type EncodeOffset = [number, number];

export interface EncodedPolygonGeometry {
  type: 'Polygon';
  /** One encoded string per ring (or already-decoded rings when not encoded). */
  coordinates: (string | Position[])[];
  encodeOffsets?: EncodeOffset[];
}

export interface EncodedMultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: (string | Position[])[][];
  encodeOffsets?: EncodeOffset[][];
}

export interface EncodedFeature {
  type: 'Feature';
  id?: string | number;
  properties: GeoJsonProperties;
  geometry: EncodedPolygonGeometry | EncodedMultiPolygonGeometry | null;
}

export interface EncodedFeatureCollection {
  type: 'FeatureCollection';
  features: EncodedFeature[];
  /** true when ring coordinates are ECharts-encoded strings. */
  UTF8Encoding?: boolean;
  /** Quantisation scale; ECharts defaults to 1024. */
  UTF8Scale?: number;
}

/** Undo ZigZag encoding: 0,1,2,3,4 → 0,-1,1,-2,2. */
export function zigZagDecode(value: number): number {
  return (value >> 1) ^ -(value & 1);
}

/**
 * Decode one encoded ring string into [lng, lat] positions.
 * Exactly the ECharts algorithm; does not close the ring.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale: number = ECHARTS_DEFAULT_SCALE): Position[] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`Encoded ring has odd length ${encoded.length}`);
  }
  const out: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const x = zigZagDecode(encoded.charCodeAt(i) - 64) + prevX;
    const y = zigZagDecode(encoded.charCodeAt(i + 1) - 64) + prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

/**
 * Inverse of {@link decodeRing} for integer (already quantised) coordinates.
 * Handy for tests and fixtures; returns the string and its offset.
 */
export function encodeRing(quantised: readonly (readonly [number, number])[]): { encoded: string; offset: EncodeOffset } {
  const first = quantised[0];
  if (!first) return { encoded: '', offset: [0, 0] };
  const offset: EncodeOffset = [first[0], first[1]];
  let prevX = offset[0];
  let prevY = offset[1];
  let encoded = '';
  const zz = (v: number) => (v << 1) ^ (v >> 31);
  for (const [x, y] of quantised) {
    encoded += String.fromCharCode(zz(x - prevX) + 64, zz(y - prevY) + 64);
    prevX = x;
    prevY = y;
  }
  return { encoded, offset };
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    return [...ring, [...first]];
  }
  return ring;
}

function decodeAnyRing(ring: string | Position[], offset: EncodeOffset | undefined, scale: number, encoded: boolean, where: string): Position[] {
  if (typeof ring !== 'string') {
    return ring.map((p) => [p[0] ?? NaN, p[1] ?? NaN]);
  }
  if (!encoded) throw new Error(`${where}: string ring but UTF8Encoding is not set`);
  if (!offset) throw new Error(`${where}: missing encodeOffsets entry`);
  return decodeRing(ring, offset, scale);
}

export interface DecodeOptions {
  /** Append the first vertex when a ring is open (GeoJSON requires closed rings). Default true. */
  closeRings?: boolean;
}

/**
 * Decode an ECharts map FeatureCollection (with `UTF8Encoding: true`) into a
 * standard GeoJSON FeatureCollection of Polygon / MultiPolygon features with
 * [lng, lat] float positions. Collections that are not encoded pass through
 * (deep-copied). Features without geometry are dropped; `id`, `properties`
 * are kept as-is (properties shallow-copied).
 */
export function decodeEChartsGeoJSON(collection: EncodedFeatureCollection, options: DecodeOptions = {}): FeatureCollection<Polygon | MultiPolygon> {
  const close = options.closeRings ?? true;
  const encoded = collection.UTF8Encoding === true;
  const scale = collection.UTF8Scale ?? ECHARTS_DEFAULT_SCALE;
  const fix = (r: Position[]) => (close ? closeRing(r) : r);
  const features: Feature<Polygon | MultiPolygon>[] = [];

  collection.features.forEach((f, fi) => {
    const g = f.geometry;
    if (!g) return;
    const where = `feature ${fi} (${String(f.id ?? '')})`;
    let geometry: Polygon | MultiPolygon;
    if (g.type === 'Polygon') {
      geometry = {
        type: 'Polygon',
        coordinates: g.coordinates.map((ring, ri) => fix(decodeAnyRing(ring, g.encodeOffsets?.[ri], scale, encoded, where))),
      };
    } else if (g.type === 'MultiPolygon') {
      geometry = {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((poly, pi) => poly.map((ring, ri) => fix(decodeAnyRing(ring, g.encodeOffsets?.[pi]?.[ri], scale, encoded, where)))),
      };
    } else {
      throw new Error(`${where}: unsupported geometry type ${(g as { type: string }).type}`);
    }
    const out: Feature<Polygon | MultiPolygon> = {
      type: 'Feature',
      properties: f.properties ? { ...f.properties } : {},
      geometry,
    };
    if (f.id !== undefined) out.id = f.id;
    features.push(out);
  });

  return { type: 'FeatureCollection', features };
}
