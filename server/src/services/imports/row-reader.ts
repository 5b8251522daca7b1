import { externalIdSchema, type ImportIssue } from '@talentmap/core';
import { toHalfWidth } from '@talentmap/importer';
import type { z } from 'zod';
import type { ImportColumn } from './columns.js';

/** A parse result of @talentmap/importer's normalisers. */
type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Where a record field that is resolved from a cell of another name is reported. */
const FIELD_COLUMN: Record<string, string> = { occupationCode: 'occupation', occupationCodes: 'occupations', chainCodes: 'chains' };

/** Identity fields never reach a report (or the import_issues table) in full. */
const SENSITIVE = new Set(['fullName', 'idNumber', 'phone']);
const masked = (key: string, value: string) => {
  if (!SENSITIVE.has(key) || value === '') return value.slice(0, 200);
  if (value.length <= 2) return '*'.repeat(value.length);
  const keep = key === 'fullName' ? 1 : Math.min(3, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}${'*'.repeat(Math.max(1, value.length - 2 * keep))}${key === 'fullName' ? '' : value.slice(-keep)}`;
};

/**
 * One row's cells by column key, and the problems found in them. Every reader returns undefined
 * for an empty or invalid cell and records why, so a kind's parser reads as a list of fields.
 */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    readonly row: number,
    private readonly columns: ReadonlyMap<string, ImportColumn>,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  get valid(): boolean {
    return !this.issues.some((i) => i.severity === 'error');
  }

  private header = (key: string) => this.columns.get(key)?.header ?? key;

  error(key: string, message: string, value = this.raw(key)): undefined {
    this.issues.push({ row: this.row, column: this.header(key), value: masked(key, value), severity: 'error', message });
    return undefined;
  }

  warn(key: string, message: string, value = this.raw(key)): void {
    this.issues.push({ row: this.row, column: this.header(key), value: masked(key, value), severity: 'warning', message });
  }

  raw(key: string): string {
    return this.cells.get(key) ?? '';
  }

  /** The cell with full-width characters folded and whitespace trimmed; undefined when empty. */
  text(key: string): string | undefined {
    const value = toHalfWidth(this.raw(key));
    if (value !== '') return value;
    if (this.columns.get(key)?.required) this.error(key, '必填项为空');
    return undefined;
  }

  /** The record's 外部编号, checked as the kinds' shapes check it. */
  externalId(): string | undefined {
    const text = this.text('externalId');
    if (text === undefined) return undefined;
    const parsed = externalIdSchema.safeParse(text);
    return parsed.success ? parsed.data : this.error('externalId', parsed.error.issues[0]?.message ?? '无效的外部编号');
  }

  /** A cell read by one of the importer's normalisers. */
  parsed<T>(key: string, parse: (text: string) => Parsed<T>): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const result = parse(text);
    return result.ok ? result.value : this.error(key, result.reason);
  }

  /** A cell that must be one of a few Chinese names (or the English value itself). */
  choice<T extends string>(key: string, names: Readonly<Record<T, string>>): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    for (const [value, name] of Object.entries(names) as [T, string][]) if (text === name || text.toLowerCase() === value) return value;
    return this.error(key, `应为 ${Object.values(names).join('、')} 之一`);
  }

  /** The record checked against its kind's zod shape; a failed field is reported under its column. */
  checked<S extends z.ZodType>(schema: S, record: z.input<S>): z.output<S> | undefined {
    if (!this.valid) return undefined;
    const result = schema.safeParse(record);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'externalId');
      const key = FIELD_COLUMN[field] ?? field;
      this.error(this.columns.has(key) ? key : 'externalId', `${field}: ${issue.message}`);
    }
    return undefined;
  }
}
