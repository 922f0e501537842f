/**
 * A small protocol-buffers wire-format reader: enough for the few messages an Anki package holds (PackageMetadata,
 * MediaEntries, a note type's and a template's config). Each field number maps to its values in order; varints come
 * back as numbers (safe up to 2^53), length-delimited fields as bytes, to be read as a string or a nested message.
 */
export type ProtoValue = number | Uint8Array;
export type ProtoMessage = Map<number, ProtoValue[]>;

export class ProtoError extends Error {}

function varint(buf: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const b = buf[i]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [value, i + 1];
  }
  throw new ProtoError(`varint cut short at byte ${at}`);
}

export function decodeMessage(buf: Uint8Array): ProtoMessage {
  const out: ProtoMessage = new Map();
  let at = 0;
  while (at < buf.length) {
    const [key, next] = varint(buf, at);
    at = next;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value: ProtoValue;
    if (wire === 0) [value, at] = varint(buf, at);
    else if (wire === 2) {
      const [len, start] = varint(buf, at);
      if (start + len > buf.length) throw new ProtoError(`field ${field} runs past the end`);
      value = buf.subarray(start, start + len);
      at = start + len;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at + size > buf.length) throw new ProtoError(`field ${field} runs past the end`);
      value = buf.subarray(at, at + size);
      at += size;
    } else throw new ProtoError(`unsupported wire type ${wire} (field ${field})`);
    if (field === 0) throw new ProtoError('field number 0');
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The last value of a field, as proto3 reads a repeated scalar written twice. */
export const protoNumber = (m: ProtoMessage, field: number, fallback = 0): number => {
  const v = m.get(field)?.at(-1);
  return typeof v === 'number' ? v : fallback;
};
export const protoString = (m: ProtoMessage, field: number): string => {
  const v = m.get(field)?.at(-1);
  return v instanceof Uint8Array ? utf8.decode(v) : '';
};
export const protoBytes = (m: ProtoMessage, field: number): Uint8Array[] =>
  (m.get(field) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array);

/** Writer for the same subset, for tests and for building packages. */
export function encodeMessage(fields: [number, number | string | Uint8Array][]): Uint8Array {
  const bytes: number[] = [];
  const putVarint = (n: number) => {
    let v = n;
    while (v >= 0x80) {
      bytes.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  for (const [field, value] of fields) {
    if (typeof value === 'number') {
      putVarint(field * 8);
      putVarint(value);
    } else {
      const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      putVarint(field * 8 + 2);
      putVarint(data.length);
      for (const b of data) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}
