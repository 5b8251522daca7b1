import { TableReadError } from './table-error.js';

export interface TextEncoding {
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/**
 * CSVs reach us either as UTF-8 (WPS, newer Excel "CSV UTF-8") or in the Windows code page of a
 * Chinese PC (Excel's plain "CSV"), which is GBK; GB18030 decodes all of GBK and GB2312. Text that
 * is valid UTF-8 is almost never GBK, so validity decides. `head` is a sample from the file's start.
 */
export function detectTextEncoding(head: Buffer): TextEncoding {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw new TableReadError('encoding', '不支持 UTF-16 编码的文件，请另存为 UTF-8 编码的 CSV 或 xlsx');
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  try {
    // stream: true keeps a multibyte character cut off by the end of the sample from counting as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}
