/**
 * Pure helpers for administrative-boundary polygons: cleaning, union,
 * simplification (plain and shared-border-preserving), interior points,
 * rounding and validation. All functions return new objects; inputs are not
 * mutated. Coordinates are [lng, lat] degrees; tolerances are in degrees.
 */
import * as turf from '@turf/turf';
import type { BBox, Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;
export type PolygonalFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygonal, P>;

// ---------------------------------------------------------------------------
// Basic ring / geometry utilities
// ---------------------------------------------------------------------------

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Polygon parts of a polygonal geometry (a Polygon is one part). */
export function polygonParts(geom: Polygonal): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Build a Polygon or MultiPolygon from parts (null when there are none). */
export function fromParts(parts: Position[][][]): Polygonal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]! };
  return { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Remove consecutive duplicate positions and zero-width spikes (a vertex whose
 * neighbours are collinear with it and lie on the same side, i.e. the
 * boundary goes out and comes back along the same line), and make sure the
 * ring is closed.
 */
export function cleanRing(ring: readonly Position[]): Position[] {
  let out: Position[] = ring.map((p) => [p[0]!, p[1]!]);
  let changed = true;
  while (changed) {
    changed = false;
    const dedup: Position[] = [];
    for (const p of out) {
      const prev = dedup[dedup.length - 1];
      if (!prev || !samePos(prev, p)) dedup.push(p);
    }
    while (dedup.length > 1 && samePos(dedup[0]!, dedup[dedup.length - 1]!)) dedup.pop();
    if (dedup.length !== out.length) changed = true;
    out = dedup;
    if (out.length < 3) break;
    const keep: Position[] = [];
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const a = keep.length ? keep[keep.length - 1]! : out[(i - 1 + n) % n]!;
      const p = out[i]!;
      const c = out[(i + 1) % n]!;
      const ux = p[0]! - a[0]!,
        uy = p[1]! - a[1]!;
      const vx = c[0]! - p[0]!,
        vy = c[1]! - p[1]!;
      const spike = ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0;
      if (spike) changed = true;
      else keep.push(p);
    }
    out = keep;
  }
  if (out.length > 0) out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/**
 * Clean a polygonal geometry: dedupe/close rings, drop rings with < 4
 * positions (degenerate) and parts whose outer ring is degenerate.
 */
export function cleanGeometry(geom: Polygonal): Polygonal | null {
  const parts: Position[][][] = [];
  for (const part of polygonParts(geom)) {
    const rings = part.map(cleanRing);
    const outer = rings[0];
    if (!outer || outer.length < 4) continue;
    parts.push([outer, ...rings.slice(1).filter((r) => r.length >= 4)]);
  }
  return fromParts(parts);
}

function mapFeatureGeometry<P extends GeoJsonProperties>(f: PolygonalFeature<P>, fn: (g: Polygonal) => Polygonal | null): PolygonalFeature<P> {
  const geometry = fn(f.geometry);
  if (!geometry) throw new Error(`Geometry of feature ${String(f.id ?? '')} collapsed`);
  const out: PolygonalFeature<P> = { type: 'Feature', properties: f.properties, geometry };
  if (f.id !== undefined) out.id = f.id;
  return out;
}

/** Round every coordinate to `decimals` places, then re-clean the rings. */
export function roundCoordinates<P extends GeoJsonProperties>(f: PolygonalFeature<P>, decimals = 5): PolygonalFeature<P> {
  const k = 10 ** decimals;
  const r = (v: number) => Math.round(v * k) / k;
  return mapFeatureGeometry(f, (g) => cleanGeometry(fromParts(polygonParts(g).map((part) => part.map((ring) => ring.map((p) => [r(p[0]!), r(p[1]!)])))) ?? g));
}

/** Planar (degree²) signed area of a ring, shoelace formula. */
function ringPlanarArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/**
 * Drop interior rings (holes) smaller than `minAreaKm2`. Unions of polygons
 * whose shared borders do not match exactly leave tiny sliver holes; this
 * removes them. Returns the feature and how many holes were removed.
 */
export function removeSmallHoles<P extends GeoJsonProperties>(
  f: PolygonalFeature<P>,
  minAreaKm2: number,
): { feature: PolygonalFeature<P>; removed: number; keptHolesKm2: number[] } {
  let removed = 0;
  const kept: number[] = [];
  const feature = mapFeatureGeometry(f, (g) =>
    fromParts(
      polygonParts(g).map(([outer, ...holes]) => [
        outer!,
        ...holes.filter((h) => {
          const km2 = turf.area(turf.polygon([h])) / 1e6;
          if (km2 < minAreaKm2) {
            removed++;
            return false;
          }
          kept.push(km2);
          return true;
        }),
      ]),
    ),
  );
  return { feature, removed, keptHolesKm2: kept };
}

/**
 * Drop polygon parts smaller than `minAreaKm2` (e.g. union slivers), but never
 * the largest part. Returns the feature and the number of parts removed.
 */
export function removeSmallParts<P extends GeoJsonProperties>(f: PolygonalFeature<P>, minAreaKm2: number): { feature: PolygonalFeature<P>; removed: number } {
  const parts = polygonParts(f.geometry);
  const areas = parts.map((p) => turf.area(turf.polygon(p)) / 1e6);
  const maxArea = Math.max(...areas);
  const keep = parts.filter((_, i) => areas[i]! >= minAreaKm2 || areas[i] === maxArea);
  return {
    feature: mapFeatureGeometry(f, () => fromParts(keep)),
    removed: parts.length - keep.length,
  };
}

// ---------------------------------------------------------------------------
// Union
// ---------------------------------------------------------------------------

/**
 * Union polygonal features (e.g. all districts of a city) into one feature
 * with the given properties. Result is a Polygon, or a MultiPolygon when the
 * pieces are disjoint (islands, exclaves).
 */
export function unionPolygons<P extends GeoJsonProperties>(features: readonly PolygonalFeature[], properties: P): PolygonalFeature<P> {
  if (features.length === 0) throw new Error('unionPolygons: no features');
  // a single feature is unioned with itself, which dissolves adjacent parts
  const input = features.length === 1 ? [features[0]!, features[0]!] : features;
  const u = turf.union(turf.featureCollection(input.map((f) => turf.feature(f.geometry))));
  const geometry = u ? cleanGeometry(u.geometry) : null;
  if (!geometry) throw new Error('unionPolygons: empty result');
  return { type: 'Feature', properties, geometry };
}

// ---------------------------------------------------------------------------
// Simplification
// ---------------------------------------------------------------------------

/**
 * Simplify one feature independently (turf.simplify, Douglas–Peucker,
 * tolerance in degrees). Rings that would collapse are kept unsimplified.
 * Note: neighbouring features simplified independently no longer share
 * borders exactly; use {@link simplifySharedBorders} for a set of adjacent
 * polygons.
 */
export function simplifyBoundary<P extends GeoJsonProperties>(f: PolygonalFeature<P>, tolerance: number): PolygonalFeature<P> {
  return mapFeatureGeometry(f, (g) => {
    const clean = cleanGeometry(g);
    if (!clean) return null;
    const s = turf.simplify(turf.feature(clean), { tolerance, highQuality: true, mutate: false });
    return cleanGeometry(s.geometry);
  });
}

function segDist2(p: Position, a: Position, b: Position): number {
  const px = p[0]!,
    py = p[1]!,
    ax = a[0]!,
    ay = a[1]!,
    bx = b[0]!,
    by = b[1]!;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on an open polyline; both end points are kept. */
export function douglasPeucker(line: readonly Position[], tolerance: number): Position[] {
  const n = line.length;
  if (n <= 2) return line.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let maxD = -1;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(line[i]!, line[s]!, line[e]!);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx > 0 && maxD > tol2) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

const posKey = (p: Position) => `${p[0]},${p[1]}`;

/**
 * Topology-preserving simplification of a set of adjacent polygons (e.g. all
 * districts of a province), TopoJSON style: borders shared by two features are
 * cut into arcs at junction vertices (where 3+ features meet or a shared border
 * starts/ends) and every arc is simplified exactly once, so neighbours keep
 * identical borders (no gaps/overlaps). Requires shared borders to use
 * identical vertices, which holds for data exported with internal borders.
 * A ring that would collapse below 4 positions is dropped if it is an island
 * / hole of a multi-part feature, otherwise kept unsimplified.
 */
export function simplifySharedBorders<P extends GeoJsonProperties>(features: readonly PolygonalFeature<P>[], tolerance: number): PolygonalFeature<P>[] {
  // 1) open, cleaned rings (no closing vertex)
  const cleaned = features.map((f) => {
    const g = cleanGeometry(f.geometry);
    if (!g) throw new Error(`simplifySharedBorders: empty geometry for ${String(f.id ?? '')}`);
    return polygonParts(g).map((part) => part.map((r) => r.slice(0, -1)));
  });
  const rings: Position[][] = [];
  for (const parts of cleaned) for (const part of parts) for (const r of part) rings.push(r);

  // 2) vertex → rings using it, and vertex → distinct neighbours
  const users = new Map<string, Set<number>>();
  const neighbours = new Map<string, Set<string>>();
  rings.forEach((ring, ri) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const k = posKey(ring[i]!);
      let u = users.get(k);
      if (!u) users.set(k, (u = new Set()));
      u.add(ri);
      let nb = neighbours.get(k);
      if (!nb) neighbours.set(k, (nb = new Set()));
      nb.add(posKey(ring[(i + 1) % n]!));
      nb.add(posKey(ring[(i - 1 + n) % n]!));
    }
  });
  const sig = (k: string) => [...users.get(k)!].sort((a, b) => a - b).join(',');

  // 3) junctions: 3+ distinct neighbours, or the set of users changes
  const junction = new Set<string>();
  for (const [k, nb] of neighbours) if (nb.size > 2) junction.add(k);
  for (const ring of rings) {
    const n = ring.length;
    const sigs = ring.map((p) => sig(posKey(p)));
    for (let i = 0; i < n; i++) {
      if (sigs[i] !== sigs[(i + 1) % n] || sigs[i] !== sigs[(i - 1 + n) % n]) {
        junction.add(posKey(ring[i]!));
      }
    }
  }

  // 4) simplify each arc once, in a canonical direction
  const cache = new Map<string, Position[]>();
  const simplifyArc = (arc: Position[]): Position[] => {
    const keys = arc.map(posKey);
    const first = keys[0]!;
    const last = keys[keys.length - 1]!;
    let reverse = first > last;
    if (first === last && keys.length > 2) reverse = keys[1]! > keys[keys.length - 2]!;
    const canon = reverse ? arc.slice().reverse() : arc;
    const ck = (reverse ? keys.slice().reverse() : keys).join(';');
    let s = cache.get(ck);
    if (!s) {
      s = douglasPeucker(canon, tolerance);
      cache.set(ck, s);
    }
    return reverse ? s.slice().reverse() : s;
  };

  const simplifyRing = (ring: Position[]): Position[] => {
    const n = ring.length;
    const fixedIdx: number[] = [];
    for (let i = 0; i < n; i++) if (junction.has(posKey(ring[i]!))) fixedIdx.push(i);
    let start: number;
    if (fixedIdx.length === 0) {
      // closed ring with no junctions: start at the smallest key (canonical)
      start = 0;
      for (let i = 1; i < n; i++) if (posKey(ring[i]!) < posKey(ring[start]!)) start = i;
      fixedIdx.push(start);
    } else {
      start = fixedIdx[0]!;
    }
    const rot = [...ring.slice(start), ...ring.slice(0, start)];
    const cuts = fixedIdx.map((i) => (i - start + n) % n).sort((a, b) => a - b);
    cuts.push(n);
    const out: Position[] = [];
    for (let c = 0; c < cuts.length - 1; c++) {
      const a = cuts[c]!;
      const b = cuts[c + 1]!;
      const arc = [...rot.slice(a, b), rot[b % n]!];
      const s = simplifyArc(arc);
      out.push(...s.slice(0, -1));
    }
    out.push(out[0]!);
    return cleanRing(out);
  };

  // 5) rebuild features
  return features.map((f, fi) => {
    const parts = cleaned[fi]!;
    const newParts: Position[][][] = [];
    const ok = (r: Position[]) => r.length >= 4 && Math.abs(ringPlanarArea(r)) > 0;
    for (const [outer, ...holes] of parts) {
      if (!outer) continue;
      let so = simplifyRing(outer);
      if (!ok(so)) {
        if (parts.length > 1) continue; // collapsed island of a multi-part feature: drop it
        so = [...outer, outer[0]!]; // only part: keep unsimplified
      }
      newParts.push([so, ...holes.map(simplifyRing).filter(ok)]);
    }
    const geometry = fromParts(newParts);
    if (!geometry) throw new Error(`simplifySharedBorders: ${String(f.id ?? '')} collapsed`);
    const out: PolygonalFeature<P> = { type: 'Feature', properties: f.properties, geometry };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
}

/** Total number of positions in a polygonal geometry. */
export function countPositions(geom: Polygonal): number {
  let n = 0;
  for (const part of polygonParts(geom)) for (const r of part) n += r.length;
  return n;
}

// ---------------------------------------------------------------------------
// Repair (grid-snapped data: pinches, touches, crossings)
// ---------------------------------------------------------------------------

type IntPt = [number, number];
/** Grid steps used when chamfering a pinched vertex in {@link repairPolygonal}. */
const CHAMFER = 4;

function orient(a: IntPt, b: IntPt, c: IntPt): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}
function onSegment(p: IntPt, a: IntPt, b: IntPt): boolean {
  return orient(a, b, p) === 0 && p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
}

interface RingDefects {
  /** Vertices lying on a non-incident segment (incl. repeated vertices): [ring, index]. */
  touches: [number, number][];
  /** Number of proper crossings between non-adjacent segments. */
  crossings: number;
}

/** Exact (integer-grid) search for touching vertices and crossing segments among open rings. */
function ringDefects(rings: IntPt[][]): RingDefects {
  const segs: { r: number; i: number; a: IntPt; b: IntPt; minX: number; maxX: number; minY: number; maxY: number }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      segs.push({ r, i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]), minY: Math.min(a[1], b[1]), maxY: Math.max(a[1], b[1]) });
    }
  });
  segs.sort((p, q) => p.minX - q.minX);
  const touches: [number, number][] = [];
  const touchSeen = new Set<string>();
  const addTouch = (r: number, i: number) => {
    const k = `${r}:${i}`;
    if (!touchSeen.has(k)) {
      touchSeen.add(k);
      touches.push([r, i]);
    }
  };
  let crossings = 0;
  for (let x = 0; x < segs.length; x++) {
    const s = segs[x]!;
    for (let y = x + 1; y < segs.length; y++) {
      const t = segs[y]!;
      if (t.minX > s.maxX) break;
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      const sameRing = s.r === t.r;
      const n = rings[s.r]!.length;
      const adjacent = sameRing && ((s.i + 1) % n === t.i || (t.i + 1) % n === s.i);
      if (adjacent) continue;
      const o1 = orient(s.a, s.b, t.a),
        o2 = orient(s.a, s.b, t.b);
      const o3 = orient(t.a, t.b, s.a),
        o4 = orient(t.a, t.b, s.b);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        crossings++;
        continue;
      }
      // touches: an end point of one segment on the other segment
      if (onSegment(t.a, s.a, s.b)) addTouch(t.r, t.i);
      if (onSegment(t.b, s.a, s.b)) addTouch(t.r, (t.i + 1) % rings[t.r]!.length);
      if (onSegment(s.a, t.a, t.b)) addTouch(s.r, s.i);
      if (onSegment(s.b, t.a, t.b)) addTouch(s.r, (s.i + 1) % n);
    }
  }
  return { touches, crossings };
}

/**
 * Count proper self-intersections (segments crossing) and touching vertices
 * (a vertex on another, non-incident segment of the same feature) after
 * snapping to a 10^-decimals grid.
 */
export function geometryDefects(geom: Polygonal, decimals = 5): { crossings: number; touches: number } {
  const k = 10 ** decimals;
  const rings: IntPt[][] = [];
  for (const part of polygonParts(geom)) for (const r of part) rings.push(r.slice(0, -1).map((p) => [Math.round(p[0]! * k), Math.round(p[1]! * k)]));
  const d = ringDefects(rings);
  return { crossings: d.crossings, touches: d.touches.length };
}

/**
 * Make a grid-snapped polygonal geometry valid for strict validators
 * (turf.booleanValid): (1) proper self-crossings are resolved with a
 * polygon self-union (polyclip) and re-snapped; (2) "pinches" — a vertex that
 * touches another part of the boundary, typical when narrow necks collapse
 * onto the same grid point — are removed by chamfering that corner: the vertex
 * is replaced by two points a few grid steps along its own edges. Changes are
 * ≤ a few grid steps (~5 m at 5 decimals). Returns null if the geometry cannot be repaired.
 */
export function repairPolygonal(geom: Polygonal, decimals = 5, maxRounds = 25): Polygonal | null {
  const k = 10 ** decimals;
  const toInt = (g: Polygonal): IntPt[][][] =>
    polygonParts(g).map((part) => part.map((r) => cleanRing(r.map((p) => [Math.round(p[0]! * k), Math.round(p[1]! * k)])).slice(0, -1) as IntPt[]));
  const toGeom = (parts: IntPt[][][]): Polygonal | null =>
    cleanGeometry(
      fromParts(parts.filter((p) => p[0] && p[0].length >= 3).map((part) => part.map((r) => [...r, r[0]!].map(([x, y]) => [x / k, y / k])))) ??
        ({ type: 'Polygon', coordinates: [] } as Polygon),
    );
  let g: Polygonal | null = cleanGeometry(geom);
  for (let round = 0; round < maxRounds && g; round++) {
    const parts = toInt(g);
    const flat: IntPt[][] = [];
    const where: [number, number][] = [];
    parts.forEach((part, pi) =>
      part.forEach((r, ri) => {
        flat.push(r);
        where.push([pi, ri]);
      }),
    );
    const d = ringDefects(flat);
    if (d.crossings === 0 && d.touches.length === 0) {
      return turf.booleanValid(turf.feature(g)) ? g : null;
    }
    if (d.crossings > 0) {
      const u = turf.union(turf.featureCollection([turf.feature(g), turf.feature(g)]));
      g = u ? cleanGeometry(fromParts(toInt(u.geometry).map((part) => part.map((r) => [...r, r[0]!].map(([x, y]) => [x / k, y / k])))) ?? u.geometry) : null;
      continue;
    }
    // chamfer touching vertices (one occurrence per coordinate per round): the
    // vertex is replaced by two points on its own incident edges, ~CHAMFER grid
    // steps away, so this pass of the boundary no longer touches the other one
    const moved = new Set<string>();
    const byRing = new Map<number, number[]>();
    for (const [fr, i] of d.touches) {
      const p = flat[fr]![i]!;
      const key = `${p[0]},${p[1]}`;
      if (moved.has(key)) continue;
      moved.add(key);
      byRing.set(fr, [...(byRing.get(fr) ?? []), i]);
    }
    for (const [fr, idxs] of byRing) {
      const ring = flat[fr]!;
      for (const i of idxs.sort((a, b) => b - a)) {
        const p = ring[i]!;
        const prev = ring[(i - 1 + ring.length) % ring.length]!;
        const next = ring[(i + 1) % ring.length]!;
        const along = (q: IntPt): IntPt | null => {
          const dx = q[0] - p[0];
          const dy = q[1] - p[1];
          const len = Math.hypot(dx, dy);
          const step = Math.min(CHAMFER, len * 0.45);
          const r: IntPt = [p[0] + Math.round((dx / len) * step), p[1] + Math.round((dy / len) * step)];
          return (r[0] === p[0] && r[1] === p[1]) || (r[0] === q[0] && r[1] === q[1]) ? null : r;
        };
        const a = along(prev);
        const b = along(next);
        if (a && b) ring.splice(i, 1, a, b);
        else ring.splice(i, 1); // edge too short: drop the vertex (cuts a tiny corner)
      }
    }
    const rebuilt: IntPt[][][] = parts.map((part) => part.map((r) => r));
    flat.forEach((r, fi) => {
      const [pi, ri] = where[fi]!;
      rebuilt[pi]![ri] = r;
    });
    g = toGeom(rebuilt);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Interior point ("centroid" for labels / markers)
// ---------------------------------------------------------------------------

function scanlineInteriorPoint(part: Position[][], y: number): { x: number; width: number } | null {
  const xs: number[] = [];
  for (const ring of part) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ay = a[1]!,
        by = b[1]!;
      if (ay > y !== by > y) xs.push(a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!));
    }
  }
  xs.sort((p, q) => p - q);
  let best: { x: number; width: number } | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > 0 && (!best || w > best.width)) best = { x: (xs[i]! + xs[i + 1]!) / 2, width: w };
  }
  return best;
}

/**
 * A representative point guaranteed to lie strictly inside the feature: the
 * area centroid of its largest part when that centroid is inside the part,
 * otherwise the midpoint of the widest horizontal run through the part
 * (scanline method), falling back to turf.pointOnFeature.
 */
export function interiorPoint(f: PolygonalFeature): [number, number] {
  const parts = polygonParts(f.geometry);
  let largest = parts[0]!;
  let largestArea = -1;
  for (const p of parts) {
    const a = turf.area(turf.polygon(p));
    if (a > largestArea) {
      largestArea = a;
      largest = p;
    }
  }
  const poly = turf.polygon(largest);
  const c = turf.centroid(poly).geometry.coordinates as [number, number];
  if (turf.booleanPointInPolygon(c, poly, { ignoreBoundary: true })) return [c[0], c[1]];
  const [, minY, , maxY] = turf.bbox(poly);
  let best: { x: number; y: number; width: number } | null = null;
  for (let k = 1; k < 16; k++) {
    const y = minY + ((maxY - minY) * k) / 16;
    const s = scanlineInteriorPoint(largest, y);
    if (s && (!best || s.width > best.width)) best = { x: s.x, y, width: s.width };
  }
  if (best && turf.booleanPointInPolygon([best.x, best.y], poly, { ignoreBoundary: true })) {
    return [best.x, best.y];
  }
  const p = turf.pointOnFeature(poly).geometry.coordinates;
  return [p[0]!, p[1]!];
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

export type RegionLevel = 'province' | 'city' | 'district';

export interface RegionProperties {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  centroid?: [number, number];
  [key: string]: unknown;
}

export interface ValidateOptions {
  /** Allowed bbox of the whole set [minLng, minLat, maxLng, maxLat]. Default Jiangsu 116.3–121.9 / 30.7–35.2. */
  bbox?: BBox;
  /** Slack added on every side of `bbox`, degrees. Default 0.1. */
  slack?: number;
  /** Minimum share of a child's area that must overlap its parent. Default 0.95. */
  minOverlap?: number;
  /** Also check for crossing segments and self-touching vertices (exact, on a 1e-7 grid). Default true. */
  checkKinks?: boolean;
}

export const JIANGSU_BBOX: BBox = [116.3, 30.7, 121.9, 35.2];

function ringProblems(ring: Position[], where: string): string[] {
  const problems: string[] = [];
  if (ring.length < 4) problems.push(`${where}: ring has ${ring.length} positions (< 4)`);
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (!a || !b || !samePos(a, b)) problems.push(`${where}: ring is not closed`);
  for (const p of ring) {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      problems.push(`${where}: non-finite coordinate ${JSON.stringify(p)}`);
      break;
    }
  }
  return problems;
}

/**
 * Validate a set of region features (province / city / district with
 * code + parentCode). Returns a list of human-readable problems (empty = ok):
 *  - geometry: Polygon/MultiPolygon, closed rings with ≥ 4 positions,
 *    turf.booleanValid, optional self-intersection check;
 *  - hierarchy: unique codes, parent exists; each child's interior point lies
 *    inside its parent and ≥ minOverlap of its area overlaps the parent;
 *  - centroid property (if present) lies inside the feature;
 *  - the bbox of all features lies inside the allowed bbox (+ slack).
 */
export function validateRegions(
  collection: FeatureCollection<Polygonal, RegionProperties> | readonly Feature<Polygonal, RegionProperties>[],
  options: ValidateOptions = {},
): string[] {
  const features = Array.isArray(collection)
    ? (collection as readonly Feature<Polygonal, RegionProperties>[])
    : (collection as FeatureCollection<Polygonal, RegionProperties>).features;
  const allowed = options.bbox ?? JIANGSU_BBOX;
  const slack = options.slack ?? 0.1;
  const minOverlap = options.minOverlap ?? 0.95;
  const checkKinks = options.checkKinks ?? true;
  const problems: string[] = [];
  const byCode = new Map<string, Feature<Polygonal, RegionProperties>>();

  for (const f of features) {
    const p = f.properties;
    const label = `${p?.code ?? '?'} ${p?.name ?? '?'}`;
    if (!p || typeof p.code !== 'string' || typeof p.name !== 'string') {
      problems.push(`${label}: missing code/name`);
      continue;
    }
    if (byCode.has(p.code)) problems.push(`${label}: duplicate code`);
    byCode.set(p.code, f);

    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      problems.push(`${label}: geometry is not Polygon/MultiPolygon`);
      continue;
    }
    let ringOk = true;
    polygonParts(g).forEach((part, pi) =>
      part.forEach((ring, ri) => {
        const rp = ringProblems(ring, `${label} part ${pi} ring ${ri}`);
        if (rp.length) ringOk = false;
        problems.push(...rp);
      }),
    );
    if (!ringOk) continue;
    if (!turf.booleanValid(f)) problems.push(`${label}: turf.booleanValid is false`);
    if (checkKinks) {
      const d = geometryDefects(g, 7);
      if (d.crossings > 0) problems.push(`${label}: ${d.crossings} self-intersection(s) (crossing segments)`);
      if (d.touches > 0) problems.push(`${label}: ${d.touches} self-touching vertex/vertices (pinch)`);
    }
    if (p.centroid) {
      if (!turf.booleanPointInPolygon(p.centroid, f, { ignoreBoundary: true })) {
        problems.push(`${label}: centroid ${p.centroid.join(',')} is not inside the feature`);
      }
    }
  }

  // hierarchy
  for (const f of features) {
    const p = f.properties;
    if (!p || typeof p.code !== 'string') continue;
    const label = `${p.code} ${p.name}`;
    if (p.level === 'province') {
      if (p.parentCode !== null) problems.push(`${label}: province must have parentCode null`);
      continue;
    }
    if (!p.parentCode) {
      problems.push(`${label}: missing parentCode`);
      continue;
    }
    const parent = byCode.get(p.parentCode);
    if (!parent) {
      problems.push(`${label}: parent ${p.parentCode} not found`);
      continue;
    }
    const expectedParentLevel = p.level === 'district' ? 'city' : 'province';
    if (parent.properties.level !== expectedParentLevel) {
      problems.push(`${label}: parent ${p.parentCode} is a ${parent.properties.level}, expected ${expectedParentLevel}`);
    }
    try {
      const pt = interiorPoint(f);
      if (!turf.booleanPointInPolygon(pt, parent)) {
        problems.push(`${label}: interior point ${pt.map((v) => v.toFixed(4)).join(',')} is outside parent ${p.parentCode}`);
      }
      const area = turf.area(f);
      const inter = turf.intersect(turf.featureCollection([turf.feature(f.geometry), turf.feature(parent.geometry)]));
      const share = inter ? turf.area(inter) / area : 0;
      if (!(share >= minOverlap)) {
        problems.push(`${label}: only ${(share * 100).toFixed(1)}% of its area overlaps parent ${p.parentCode} (< ${minOverlap * 100}%)`);
      }
    } catch (e) {
      problems.push(`${label}: containment check failed: ${(e as Error).message}`);
    }
  }

  // bbox
  if (features.length > 0) {
    const [minX, minY, maxX, maxY] = turf.bbox(turf.featureCollection([...features]));
    if (minX < allowed[0] - slack || minY < allowed[1] - slack || maxX > allowed[2] + slack || maxY > allowed[3] + slack) {
      problems.push(`bbox ${[minX, minY, maxX, maxY].map((v) => v.toFixed(3)).join(',')} exceeds allowed ${allowed.join(',')} (±${slack})`);
    }
  }
  return problems;
}
