/** What every CSV/XLSX download of the product is sent with. */
export const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** `attachment` with an ASCII fallback name and the Chinese one for clients that read RFC 5987. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface DownloadFile {
  body: string | Buffer;
  contentType: string;
  disposition: string;
}
