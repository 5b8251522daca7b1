/**
 * Pure helpers for administrative-boundary polygons: cleaning, union,
 * simplification (plain and shared-border-preserving), interior points,
 * rounding and validation. All functions return new objects; inputs are not
 * mutated. Coordinates are [lng, lat] degrees; tolerances are in degrees.
 */
import * as turf from "@turf/turf";
import type {
  BBox,
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  MultiPolygon,
  Polygon,
  Position,
} from "geojson";

export type Polygonal = Polygon | MultiPolygon;
export type PolygonalFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygonal, P>;

// ---------------------------------------------------------------------------
// Basic ring / geometry utilities
// ---------------------------------------------------------------------------

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Polygon parts of a polygonal geometry (a Polygon is one part). */
export function polygonParts(geom: Polygonal): Position[][][] {
  return geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
}

/** Build a Polygon or MultiPolygon from parts (null when there are none). */
export function fromParts(parts: Position[][][]): Polygonal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: "Polygon", coordinates: parts[0]! };
  return { type: "MultiPolygon", coordinates: parts };
}

/** Remove consecutive duplicate positions and make sure the ring is closed. */
export function cleanRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || !samePos(prev, p)) out.push([p[0]!, p[1]!]);
  }
  // drop a closing duplicate, then close explicitly
  while (out.length > 1 && samePos(out[0]!, out[out.length - 1]!)) out.pop();
  // remove immediate back-tracks ("spikes" A,B,A) which make a ring invalid
  let changed = true;
  while (changed && out.length >= 3) {
    changed = false;
    for (let i = 0; i < out.length && out.length >= 3; i++) {
      const a = out[(i - 1 + out.length) % out.length]!;
      const c = out[(i + 1) % out.length]!;
      if (samePos(a, c)) {
        // vertex i is the tip of a zero-width spike: remove it and one copy of a
        out.splice(i, 1);
        const j = (i - 1 + out.length) % out.length;
        out.splice(j, 1);
        changed = true;
        break;
      }
    }
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

function mapFeatureGeometry<P extends GeoJsonProperties>(
  f: PolygonalFeature<P>,
  fn: (g: Polygonal) => Polygonal | null,
): PolygonalFeature<P> {
  const geometry = fn(f.geometry);
  if (!geometry) throw new Error(`Geometry of feature ${String(f.id ?? "")} collapsed`);
  const out: PolygonalFeature<P> = { type: "Feature", properties: f.properties, geometry };
  if (f.id !== undefined) out.id = f.id;
  return out;
}

/** Round every coordinate to `decimals` places, then re-clean the rings. */
export function roundCoordinates<P extends GeoJsonProperties>(
  f: PolygonalFeature<P>,
  decimals = 5,
): PolygonalFeature<P> {
  const k = 10 ** decimals;
  const r = (v: number) => Math.round(v * k) / k;
  return mapFeatureGeometry(f, (g) =>
    cleanGeometry(
      fromParts(polygonParts(g).map((part) => part.map((ring) => ring.map((p) => [r(p[0]!), r(p[1]!)])))) ?? g,
    ),
  );
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
export function removeSmallParts<P extends GeoJsonProperties>(
  f: PolygonalFeature<P>,
  minAreaKm2: number,
): { feature: PolygonalFeature<P>; removed: number } {
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
export function unionPolygons<P extends GeoJsonProperties>(
  features: readonly PolygonalFeature[],
  properties: P,
): PolygonalFeature<P> {
  if (features.length === 0) throw new Error("unionPolygons: no features");
  let geometry: Polygonal | null;
  if (features.length === 1) {
    geometry = cleanGeometry(features[0]!.geometry);
  } else {
    const u = turf.union(turf.featureCollection(features.map((f) => turf.feature(f.geometry))));
    geometry = u ? cleanGeometry(u.geometry) : null;
  }
  if (!geometry) throw new Error("unionPolygons: empty result");
  return { type: "Feature", properties, geometry };
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
export function simplifyBoundary<P extends GeoJsonProperties>(
  f: PolygonalFeature<P>,
  tolerance: number,
): PolygonalFeature<P> {
  return mapFeatureGeometry(f, (g) => {
    const clean = cleanGeometry(g);
    if (!clean) return null;
    const s = turf.simplify(turf.feature(clean), { tolerance, highQuality: true, mutate: false });
    return cleanGeometry(s.geometry);
  });
}

function segDist2(p: Position, a: Position, b: Position): number {
  const px = p[0]!, py = p[1]!, ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
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
export function simplifySharedBorders<P extends GeoJsonProperties>(
  features: readonly PolygonalFeature<P>[],
  tolerance: number,
): PolygonalFeature<P>[] {
  // 1) open, cleaned rings (no closing vertex)
  const cleaned = features.map((f) => {
    const g = cleanGeometry(f.geometry);
    if (!g) throw new Error(`simplifySharedBorders: empty geometry for ${String(f.id ?? "")}`);
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
  const sig = (k: string) => [...users.get(k)!].sort((a, b) => a - b).join(",");

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
    const ck = (reverse ? keys.slice().reverse() : keys).join(";");
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
    if (!geometry) throw new Error(`simplifySharedBorders: ${String(f.id ?? "")} collapsed`);
    const out: PolygonalFeature<P> = { type: "Feature", properties: f.properties, geometry };
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
// Interior point ("centroid" for labels / markers)
// ---------------------------------------------------------------------------

function scanlineInteriorPoint(part: Position[][], y: number): { x: number; width: number } | null {
  const xs: number[] = [];
  for (const ring of part) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ay = a[1]!, by = b[1]!;
      if ((ay > y) !== (by > y)) xs.push(a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!));
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

export type RegionLevel = "province" | "city" | "district";

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
  /** Also check rings for self-intersections (turf.kinks; O(n²) per ring). Default true. */
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
    const label = `${p?.code ?? "?"} ${p?.name ?? "?"}`;
    if (!p || typeof p.code !== "string" || typeof p.name !== "string") {
      problems.push(`${label}: missing code/name`);
      continue;
    }
    if (byCode.has(p.code)) problems.push(`${label}: duplicate code`);
    byCode.set(p.code, f);

    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
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
      for (const part of polygonParts(g)) {
        const k = turf.kinks(turf.polygon(part));
        if (k.features.length > 0) {
          const at = k.features[0]!.geometry.coordinates;
          problems.push(`${label}: ${k.features.length} self-intersection(s), e.g. at ${at.join(",")}`);
          break;
        }
      }
    }
    if (p.centroid) {
      if (!turf.booleanPointInPolygon(p.centroid, f, { ignoreBoundary: true })) {
        problems.push(`${label}: centroid ${p.centroid.join(",")} is not inside the feature`);
      }
    }
  }

  // hierarchy
  for (const f of features) {
    const p = f.properties;
    if (!p || typeof p.code !== "string") continue;
    const label = `${p.code} ${p.name}`;
    if (p.level === "province") {
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
    const expectedParentLevel = p.level === "district" ? "city" : "province";
    if (parent.properties.level !== expectedParentLevel) {
      problems.push(`${label}: parent ${p.parentCode} is a ${parent.properties.level}, expected ${expectedParentLevel}`);
    }
    try {
      const pt = interiorPoint(f);
      if (!turf.booleanPointInPolygon(pt, parent)) {
        problems.push(`${label}: interior point ${pt.map((v) => v.toFixed(4)).join(",")} is outside parent ${p.parentCode}`);
      }
      const area = turf.area(f);
      const inter = turf.intersect(turf.featureCollection([turf.feature(f.geometry), turf.feature(parent.geometry)]));
      const share = inter ? turf.area(inter) / area : 0;
      if (!(share >= minOverlap)) {
        problems.push(
          `${label}: only ${(share * 100).toFixed(1)}% of its area overlaps parent ${p.parentCode} (< ${minOverlap * 100}%)`,
        );
      }
    } catch (e) {
      problems.push(`${label}: containment check failed: ${(e as Error).message}`);
    }
  }

  // bbox
  if (features.length > 0) {
    const [minX, minY, maxX, maxY] = turf.bbox(turf.featureCollection([...features]));
    if (
      minX < allowed[0] - slack ||
      minY < allowed[1] - slack ||
      maxX > allowed[2] + slack ||
      maxY > allowed[3] + slack
    ) {
      problems.push(
        `bbox ${[minX, minY, maxX, maxY].map((v) => v.toFixed(3)).join(",")} exceeds allowed ${allowed.join(",")} (±${slack})`,
      );
    }
  }
  return problems;
}
