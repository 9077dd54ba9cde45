/**
 * One block of memory for the work that is done one step at a time and kept nowhere: the bytes of
 * the indicator file being read (stores/fs.ts), and, once every file is folded, the candidates a
 * percentile selection copies out (core/percentile.ts). The memory bound of SPEC §8 is the samples
 * as 8-byte floats plus twice the largest file; the read holds the largest file once, and the
 * selection borrows that same memory instead of adding buffers of its own beside it.
 *
 * What a caller gets is valid until the next call from anywhere: whatever it keeps must be copied
 * out first. The block only grows (to the largest request), and is never pooled, so its offset
 * is 0 and a Float64Array view of it is aligned.
 */
let block: Buffer = Buffer.allocUnsafeSlow(0);

/** At least `bytes` bytes of the shared block (contents undefined). */
export function scratchBytes(bytes: number): Buffer {
  if (block.length < bytes) block = Buffer.allocUnsafeSlow(bytes);
  return block;
}

/** `length` 8-byte floats on the shared block (contents undefined). */
export function scratchFloat64(length: number): Float64Array {
  const b = scratchBytes(length * 8);
  return new Float64Array(b.buffer, b.byteOffset, length);
}
