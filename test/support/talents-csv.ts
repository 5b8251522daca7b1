import { idCheckDigit } from '@talentmap/importer';

/** How many talents one birth date serves: the ID number's three-digit sequence. */
const PER_DAY = 1_000;

/**
 * A valid, unique 18-digit ID number for row `i`: a Beijing district prefix (the demo's are
 * Jiangsu's, so none of its identities is met), a birth date from 1970-01-01 on, then the sequence.
 */
function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `110101${birth}${String(i % PER_DAY).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

/**
 * `rows` talents made from the import template's CSV (GET /api/imports/templates/talents?format=csv):
 * its example row again and again, each with its own external id (`tag`-000001 …) and ID number.
 */
export function talentsCsv(template: string, rows: number, tag: string): { csv: string; externalIds: string[] } {
  const [header = '', example = ''] = template.replace(/^\uFEFF/, '').split('\r\n');
  // The template's cells hold no delimiter or quote (writeCsv would quote them), so a split is its parse.
  if (/"/.test(example)) throw new Error(`the template's example row is quoted: ${example}`);
  const headers = header.split(',');
  const cells = example.split(',');
  const external = headers.indexOf('外部编号');
  const identity = headers.indexOf('身份证号');
  if (external < 0 || identity < 0) throw new Error(`no 外部编号 or 身份证号 in the template: ${header}`);
  const externalIds: string[] = [];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const externalId = `${tag}-${String(i + 1).padStart(6, '0')}`;
    externalIds.push(externalId);
    cells[external] = externalId;
    cells[identity] = idNumber(i);
    lines.push(cells.join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, externalIds };
}
