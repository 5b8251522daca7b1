export type FileKind = 'xlsx' | 'xls' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** By content, not extension: offices rename files freely, and a CSV saved as "x.xlsx" is common. */
export function sniffFileKind(head: Buffer): FileKind {
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(ZIP)) return 'xlsx';
  if (starts(OLE.slice(0, 4))) return 'xls';
  return 'text';
}
