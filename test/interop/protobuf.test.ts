import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMessage,
  ProtoError,
  protoBytes,
  protoNumber,
  protoString,
} from '../../core/interop/protobuf.ts';

describe('the protobuf reader for Anki packages', () => {
  it('reads the bytes protoc writes for PackageMetadata { version: VERSION_LATEST }', () => {
    expect(protoNumber(decodeMessage(new Uint8Array([0x08, 0x03])), 1)).toBe(3);
    expect(protoNumber(decodeMessage(new Uint8Array([])), 1)).toBe(0);
  });

  it('reads MediaEntries: repeated nested entries, multi-byte varints, field 255, UTF-8 names', () => {
    // entries { name: "다이어그램.png" size: 300 legacy_zip_filename: 7 }, written out by hand: tag 255 is the
    // two-byte varint f8 0f, and 300 is ac 02.
    const name = new TextEncoder().encode('다이어그램.png');
    const entry = [0x0a, name.length, ...name, 0x10, 0xac, 0x02, 0xf8, 0x0f, 0x07];
    const bytes = new Uint8Array([0x0a, entry.length, ...entry]);
    const [e] = protoBytes(decodeMessage(bytes), 1).map(decodeMessage);
    expect(protoString(e!, 1)).toBe('다이어그램.png');
    expect(protoNumber(e!, 2)).toBe(300);
    expect(protoNumber(e!, 255)).toBe(7);
    expect(decodeMessage(bytes)).toEqual(
      decodeMessage(
        encodeMessage([
          [
            1,
            encodeMessage([
              [1, '다이어그램.png'],
              [2, 300],
              [255, 7],
            ]),
          ],
        ]),
      ),
    );
  });

  it('skips fixed-width fields and keeps a 2^40 size exact', () => {
    const m = decodeMessage(encodeMessage([[2, 2 ** 40]]));
    expect(protoNumber(m, 2)).toBe(2 ** 40);
    const fixed = decodeMessage(new Uint8Array([0x0d, 1, 2, 3, 4, 0x10, 0x05]));
    expect(protoNumber(fixed, 2)).toBe(5);
  });

  it('refuses damaged input instead of reading past it', () => {
    expect(() => decodeMessage(new Uint8Array([0x0a, 0x05, 0x61]))).toThrow(ProtoError);
    expect(() => decodeMessage(new Uint8Array([0x08, 0x80]))).toThrow('varint cut short');
    expect(() => decodeMessage(new Uint8Array([0x0b]))).toThrow('unsupported wire type 3');
  });
});
