/**
 * Rows in COPY's binary format (FORMAT binary), for bulk loads where parsing text is the cost:
 * a vector of 128 floats in text form takes the server longer to read than the rest of a talent
 * row, and the client longer to write; in binary it is 516 bytes copied as they are.
 *
 * The format (PostgreSQL docs, "COPY — Binary Format"): a signature, flags and header extension;
 * per row the field count, then per field its byte length (-1 for NULL) and its bytes in the
 * type's binary send form; a trailer of -1. Each column's form must be the column's type exactly
 * (an int2 column takes two bytes, not four), so the columns are declared with their types.
 */
export type BinaryType = 'int8' | 'int4' | 'int2' | 'float8' | 'text' | 'bool' | 'jsonb' | 'text[]' | 'bytea' | 'vector' | 'date';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** pg_type oid of text: the element type an array's binary form names. */
const TEXT_OID = 25;
/** 2000-01-01, PostgreSQL's date epoch, in days since 1970-01-01. */
const POSTGRES_EPOCH_DAYS = 10_957;
/** jsonb's binary form is its text after a version byte. */
const JSONB_VERSION = 1;

export class BinaryCopyRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  private count = 0;

  constructor(private readonly types: readonly BinaryType[]) {
    this.reserve(SIGNATURE.length + 8);
    this.at += SIGNATURE.copy(this.buffer, this.at);
    this.at = this.buffer.writeInt32BE(0, this.at); // flags
    this.at = this.buffer.writeInt32BE(0, this.at); // header extension length
  }

  get rows(): number {
    return this.count;
  }

  /** One row, its values in the order of the declared types; null or undefined is NULL. */
  add(values: readonly unknown[]): void {
    if (values.length !== this.types.length) throw new Error(`a row of ${values.length} values for ${this.types.length} columns`);
    this.reserve(2);
    this.at = this.buffer.writeInt16BE(this.types.length, this.at);
    this.types.forEach((type, i) => this.field(type, values[i]));
    this.count += 1;
  }

  /** The whole COPY stream, trailer included; the writer is spent. */
  finish(): Buffer {
    this.reserve(2);
    this.at = this.buffer.writeInt16BE(-1, this.at);
    return this.buffer.subarray(0, this.at);
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }

  private field(type: BinaryType, value: unknown): void {
    if (value === null || value === undefined) {
      this.reserve(4);
      this.at = this.buffer.writeInt32BE(-1, this.at);
      return;
    }
    switch (type) {
      case 'int8': {
        this.reserve(12);
        this.at = this.buffer.writeInt32BE(8, this.at);
        this.at = this.buffer.writeBigInt64BE(BigInt(value as number), this.at);
        return;
      }
      case 'int4':
        this.reserve(8);
        this.at = this.buffer.writeInt32BE(4, this.at);
        this.at = this.buffer.writeInt32BE(value as number, this.at);
        return;
      case 'date': {
        // date_send: days since 2000-01-01, from a YYYY-MM-DD string.
        const days = Date.parse(`${value as string}T00:00:00Z`) / 86_400_000 - POSTGRES_EPOCH_DAYS;
        if (!Number.isInteger(days)) throw new Error(`not a date: ${String(value)}`);
        this.reserve(8);
        this.at = this.buffer.writeInt32BE(4, this.at);
        this.at = this.buffer.writeInt32BE(days, this.at);
        return;
      }
      case 'int2':
        this.reserve(6);
        this.at = this.buffer.writeInt32BE(2, this.at);
        this.at = this.buffer.writeInt16BE(value as number, this.at);
        return;
      case 'float8':
        this.reserve(12);
        this.at = this.buffer.writeInt32BE(8, this.at);
        this.at = this.buffer.writeDoubleBE(value as number, this.at);
        return;
      case 'bool':
        this.reserve(5);
        this.at = this.buffer.writeInt32BE(1, this.at);
        this.at = this.buffer.writeUInt8(value ? 1 : 0, this.at);
        return;
      case 'text':
        return this.sized(() => this.utf8(String(value)));
      case 'jsonb':
        return this.sized(() => {
          this.reserve(1);
          this.at = this.buffer.writeUInt8(JSONB_VERSION, this.at);
          this.utf8(JSON.stringify(value));
        });
      case 'bytea': {
        const bytes = value as Uint8Array;
        this.reserve(4 + bytes.length);
        this.at = this.buffer.writeInt32BE(bytes.length, this.at);
        this.buffer.set(bytes, this.at);
        this.at += bytes.length;
        return;
      }
      case 'text[]':
        return this.sized(() => this.textArray(value as readonly string[]));
      case 'vector':
        return this.sized(() => this.vector(value as ArrayLike<number>));
    }
  }

  /** Writes a field's length before bytes whose length is known only once written. */
  private sized(write: () => void): void {
    this.reserve(4);
    const lengthAt = this.at;
    this.at += 4;
    write();
    this.buffer.writeInt32BE(this.at - lengthAt - 4, lengthAt);
  }

  private utf8(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** array_send: dimensions, has-nulls flag, element type, per dimension its size and lower bound, then the elements. */
  private textArray(values: readonly string[]): void {
    this.reserve(20);
    this.at = this.buffer.writeInt32BE(values.length === 0 ? 0 : 1, this.at);
    this.at = this.buffer.writeInt32BE(0, this.at);
    this.at = this.buffer.writeInt32BE(TEXT_OID, this.at);
    if (values.length === 0) return;
    this.at = this.buffer.writeInt32BE(values.length, this.at);
    this.at = this.buffer.writeInt32BE(1, this.at);
    for (const v of values) this.sized(() => this.utf8(v));
  }

  /** pgvector's vector_send: int16 dimensions, int16 unused (0), then float4 values. */
  private vector(values: ArrayLike<number>): void {
    this.reserve(4 + 4 * values.length);
    this.at = this.buffer.writeInt16BE(values.length, this.at);
    this.at = this.buffer.writeInt16BE(0, this.at);
    // A DataView writes big-endian floats several times faster than Buffer.writeFloatBE.
    const view = new DataView(this.buffer.buffer, this.buffer.byteOffset + this.at, 4 * values.length);
    for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i] as number);
    this.at += 4 * values.length;
  }
}
