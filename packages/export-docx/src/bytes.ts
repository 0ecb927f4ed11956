// document.xml is rendered as a "byte string": every character is one byte of the UTF-8 file
// (U+0000–U+00FF). The templates' own text is ASCII (templates.ts checks it at load), report text
// and labels are turned into their UTF-8 bytes before they reach a template, so the rendered
// string is the file itself and is copied, not encoded. Why: V8 keeps such a string one byte a
// character, and copying it into the ZIP costs a fraction of encoding (and first flattening) the
// two-byte string Chinese text would make of the whole document. Escaping is unchanged: & < > "
// ' ` = are ASCII, and a UTF-8 multi-byte sequence holds no ASCII byte.
type NodeBuffer = Uint8Array & {
  latin1Write(s: string, offset: number): number;
  utf8Write(s: string, offset: number): number;
  latin1Slice(start: number, end: number): string;
};
interface BufferClass {
  from(a: ArrayBuffer, offset: number, length: number): NodeBuffer;
  allocUnsafe(size: number): NodeBuffer;
}

// Node's Buffer, reached without an import so that a browser bundle (packages/editor) needs
// nothing; there the fallbacks below give the same bytes.
const NodeBuffer = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => { Buffer?: BufferClass } | undefined } }
).process?.getBuiltinModule?.("node:buffer")?.Buffer;

const ASCII = /^[\0-\x7f]*$/;
const encoder = new TextEncoder();
// one buffer for every conversion (renders are synchronous): a Buffer per string, allocated and
// collected, costs as much as the conversion
const SCRATCH = 64 * 1024;
const scratch = NodeBuffer?.allocUnsafe(SCRATCH);

/** The UTF-8 bytes of s, one character each; ASCII is its own UTF-8 and is returned as it is. */
export function utf8(s: string): string {
  if (ASCII.test(s)) return s;
  if (scratch && s.length * 3 <= SCRATCH) return scratch.latin1Slice(0, scratch.utf8Write(s, 0));
  const bytes = encoder.encode(s);
  let out = "";
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}

/** A buffer for a file of this many bytes, not zero-filled first (every byte will be written), as a plain Uint8Array. */
export function newFile(size: number): Uint8Array {
  if (!NodeBuffer) return new Uint8Array(size);
  // a large one has an ArrayBuffer of its own; a small one is a slice of Node's shared pool,
  // which the caller must not be handed (file.buffer would show other bytes)
  const b = NodeBuffer.allocUnsafe(size);
  return b.byteOffset === 0 && b.buffer.byteLength === size ? new Uint8Array(b.buffer, 0, size) : new Uint8Array(size);
}

/** Writes a byte string into out at offset; returns the number of bytes (its length). */
export function writeBytes(s: string, out: Uint8Array, offset: number): number {
  if (NodeBuffer) return NodeBuffer.from(out.buffer as ArrayBuffer, out.byteOffset + offset, out.length - offset).latin1Write(s, 0);
  for (let i = 0; i < s.length; i++) out[offset + i] = s.charCodeAt(i);
  return s.length;
}
