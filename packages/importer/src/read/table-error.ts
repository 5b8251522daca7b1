export type TableReadErrorCode = 'empty' | 'encoding' | 'corrupt' | 'too-large-record' | 'unsupported';

/** A file that cannot be read as a table at all; the message is shown to the uploader as is. */
export class TableReadError extends Error {
  override readonly name = 'TableReadError';

  constructor(
    readonly code: TableReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
