import { formatYmd } from '../normalize/date.js';

/**
 * Excel keeps 15 significant digits and shows no more; the XML often holds the binary noise
 * beyond them (12.300000000000001), which would otherwise reach the normalisers.
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(15)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** True for exceljs's formula values, shared formulas included. */
export function isFormulaValue(value: unknown): boolean {
  return isObject(value) && ('formula' in value || 'sharedFormula' in value);
}

/** An exceljs cell value as the text a user sees in the cell; a formula gives its cached result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : formatYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (!isObject(value)) return String(value);
  if (Array.isArray(value.richText)) return value.richText.map((run: unknown) => (isObject(run) ? cellText(run.text) : '')).join('');
  if (isFormulaValue(value)) return cellText(value.result);
  if (typeof value.error === 'string') return value.error;
  if ('hyperlink' in value) return cellText(value.text);
  if ('text' in value) return cellText(value.text);
  return '';
}
