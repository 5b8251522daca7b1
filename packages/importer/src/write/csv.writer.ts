import { formatYmd } from '../normalize/date.js';
import { neutraliseCell } from '../normalize/neutralise.js';

function dateText(d: Date): string {
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
  return midnight ? formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) : d.toISOString();
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  return neutraliseCell(String(value));
}

// RFC 4180: quote a field holding the delimiter, a quote or a line break, doubling inner quotes.
const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * A CSV that Excel on a Chinese Windows opens correctly: the BOM is what makes it read UTF-8
 * instead of GBK, and CRLF is what it writes itself.
 */
export function writeCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map((v) => quote(cellText(v))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
