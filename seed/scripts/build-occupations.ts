/**
 * Build seed/reference/occupation-catalogue.json — the product's occupation catalogue: every 细类 of
 * the 2022 national occupational classification with its definition, 工种, S/L marks and the
 * hierarchy 大类 → 中类 → 小类 → 细类, from ../shared/sources/occupations-2022 (the extraction
 * published by xuanganx/career-navigator, MIT; its notice is copied beside the output).
 *
 *   pnpm --filter @talentmap/seed build:occupations
 *
 * Repairs the extraction's known slips (its README): the 大类 names (group 1 reads
 * 民办非企业单位负责人), marks glued to a name (…工程技术人员L/S), a group heading taken from a
 * neighbouring group (one name per group code, by majority of its occupations), and the odd
 * marker spellings (LS/, S/). Exits 1 on anything it cannot vouch for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '../../../shared/sources/occupations-2022');
const outFile = path.resolve(here, '../reference/occupation-catalogue.json');
const licenceFile = path.resolve(here, '../reference/LICENSE-career-navigator');

/** The eight 大类 as published (the extraction mis-reads group 1's name). */
const MAJOR_GROUPS: Record<string, string> = {
  '1': '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  '2': '专业技术人员',
  '3': '办事人员和有关人员',
  '4': '社会生产服务和生活服务人员',
  '5': '农、林、牧、渔业生产及辅助人员',
  '6': '生产制造及有关人员',
  '7': '军队人员',
  '8': '不便分类的其他从业人员',
};

interface SourceRow {
  occupation_code: string;
  occupation_name: string;
  definition: string;
  included_work_types: string[];
  markers: string[];
  middle_category_name: string;
  minor_category_name: string;
  catalog_version: string;
  source_page: number | null;
}

type Mark = 'S' | 'L' | 'LS';

function markOf(markers: readonly string[], nameSuffix: string | undefined): Mark | null {
  const letters = new Set([...markers.join(''), ...(nameSuffix ?? '')].filter((c) => c === 'S' || c === 'L'));
  return letters.size === 2 ? 'LS' : letters.has('S') ? 'S' : letters.has('L') ? 'L' : null;
}

/** The name each group code carries in most of its occupations' rows (a 2022 row outvotes a later addition). */
function groupNames(rows: readonly SourceRow[], codeOf: (r: SourceRow) => string, nameOf: (r: SourceRow) => string): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const byName = votes.get(codeOf(r)) ?? new Map<string, number>();
    byName.set(nameOf(r), (byName.get(nameOf(r)) ?? 0) + (r.catalog_version === '2022' ? 10 : 1));
    votes.set(codeOf(r), byName);
  }
  return new Map([...votes].map(([code, byName]) => [code, [...byName].sort((a, b) => b[1] - a[1])[0]![0]]));
}

const readme = fs.readFileSync(path.join(sourceDir, 'README.md'), 'utf8');
const commit = /commit\s+([0-9a-f]{40})/.exec(readme)?.[1];
if (!commit) throw new Error('the source README names no commit');
const rows: SourceRow[] = fs
  .readFileSync(path.join(sourceDir, 'occupations.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as SourceRow);

const problems: string[] = [];
const middle = groupNames(
  rows,
  (r) => r.occupation_code.slice(0, 4),
  (r) => r.middle_category_name,
);
const minor = groupNames(
  rows,
  (r) => r.occupation_code.slice(0, 7),
  (r) => r.minor_category_name,
);
const items = rows
  .map((r) => {
    if (!/^[1-8]-\d{2}-\d{2}-\d{2}$/.test(r.occupation_code)) problems.push(`bad code ${r.occupation_code}`);
    const glued = /^(.*?)([LS](?:\/[LS])?)$/.exec(r.occupation_name);
    const name = glued && /[\u4e00-\u9fff）)]$/.test(glued[1] ?? '') ? (glued[1] as string) : r.occupation_name;
    return {
      code: r.occupation_code,
      name,
      definition: r.definition.trim(),
      workTypes: r.included_work_types,
      marks: markOf(r.markers, name === r.occupation_name ? undefined : glued?.[2]),
      catalogVersion: r.catalog_version,
      sourcePage: r.source_page ?? null,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const seen = new Set<string>();
for (const o of items) {
  if (seen.has(o.code) || seen.has(o.name)) problems.push(`duplicate ${o.code} ${o.name}`);
  seen.add(o.code).add(o.name);
  if (!o.name) problems.push(`${o.code}: no name`);
}
const groups = [
  ...Object.entries(MAJOR_GROUPS).map(([code, name]) => ({ code, level: 'major' as const, name })),
  ...[...middle].map(([code, name]) => ({ code, level: 'middle' as const, name })),
  ...[...minor].map(([code, name]) => ({ code, level: 'minor' as const, name })),
].sort((a, b) => a.code.localeCompare(b.code));
for (const g of groups) if (!g.name) problems.push(`group ${g.code}: no name`);
if (items.length < 1636) problems.push(`only ${items.length} occupations`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const out = {
  source:
    '中华人民共和国职业分类大典（2022年版）（社会公示稿）的细类编码、名称、职业定义、工种与 S/L 标识，以及人力资源社会保障部 2024、2025 年发布的新职业（catalogVersion 2022+2024 / 2022+2025）；' +
    `由 GitHub 仓库 xuanganx/career-navigator（commit ${commit}，data/occupations.jsonl，MIT 许可，见同目录 LICENSE-career-navigator）从公示稿 PDF 机器提取（sourcePage 为 PDF 页码）。`,
  curation:
    '由本项目脚本 seed/scripts/build-occupations.ts 生成，未手工编辑。这是社会公示稿而非正式印刷版：个别编码或名称可能与正式版不同。修正的提取错误：第 1 大类名称（提取为“民办非企业单位负责人”）按公布的八个大类名称改正；' +
    '粘在名称末尾的 L/S 标识移入 marks；同一小类编码的不同名称取其多数细类所用者（如 6-02-06）；标识写法 LS/、S/ 归一。提取只得到 74 个中类、382 个小类（公布为 79、450），缺失的类别标题无法补全，因此 groups 只列出有细类的类别。',
  sourceCommit: commit,
  groups,
  items,
};
fs.writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
fs.copyFileSync(path.join(sourceDir, 'LICENSE'), licenceFile);
console.log(`${items.length} occupations, ${groups.length} groups → ${path.relative(process.cwd(), outFile)}`);
