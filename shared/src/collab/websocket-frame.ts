/**
 * A server-to-client WebSocket binary message as it goes on the wire (RFC 6455 §5.2): one
 * final frame, opcode 2, unmasked, then the payload. A broadcast is framed once and the same
 * bytes are written to every socket of the room.
 */
export function binaryFrame(payload: Uint8Array): Uint8Array {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = new Uint8Array(headerLength + length);
  const header = new DataView(frame.buffer);
  frame[0] = 0x82;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    header.setUint16(2, length);
  } else {
    frame[1] = 127;
    header.setBigUint64(2, BigInt(length));
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * The messages in a chunk read from a client's socket when the chunk holds only whole, final,
 * masked binary frames with 7- or 16-bit lengths, which is all a y-websocket client sends while
 * it edits; each is unmasked in place. Anything else (a partial frame, a fragment, a control
 * frame, an unmasked or very long one) gives null and the chunk is left as it was, for the
 * WebSocket library to read in full.
 */
export function readClientBinaryFrames(chunk: Uint8Array): Uint8Array[] | null {
  const bounds: number[] = [];
  let at = 0;
  while (at < chunk.length) {
    // 0x82: final, no extension bits, binary. The second byte must carry the mask bit.
    if (chunk.length - at < 6 || chunk[at] !== 0x82 || (chunk[at + 1]! & 0x80) === 0) return null;
    let length = chunk[at + 1]! & 0x7f;
    let maskAt = at + 2;
    if (length === 127) return null;
    if (length === 126) {
      if (chunk.length - at < 8) return null;
      length = (chunk[at + 2]! << 8) | chunk[at + 3]!;
      maskAt = at + 4;
    }
    const end = maskAt + 4 + length;
    if (end > chunk.length) return null;
    bounds.push(maskAt, end);
    at = end;
  }
  const messages: Uint8Array[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const maskAt = bounds[i]!;
    const payload = chunk.subarray(maskAt + 4, bounds[i + 1]);
    for (let j = 0; j < payload.length; j++) payload[j] = payload[j]! ^ chunk[maskAt + (j & 3)]!;
    messages.push(payload);
  }
  return messages;
}

/**
 * The largest payload any frame in a chunk declares, read from the frame headers alone (7-, 16-
 * or 64-bit lengths), for a chunk that starts at a frame's first byte: a message too large to
 * accept is known from its first bytes, before the rest of it has been sent. A header cut off
 * at the chunk's end is not counted.
 */
export function largestDeclaredLength(chunk: Uint8Array): number {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let largest = 0;
  let at = 0;
  while (chunk.length - at >= 2) {
    const second = chunk[at + 1]!;
    let length = second & 0x7f;
    let headerLength = 2;
    if (length === 126) {
      if (chunk.length - at < 4) break;
      length = view.getUint16(at + 2);
      headerLength = 4;
    } else if (length === 127) {
      if (chunk.length - at < 10) break;
      length = Number(view.getBigUint64(at + 2));
      headerLength = 10;
    }
    largest = Math.max(largest, length);
    const maskLength = second & 0x80 ? 4 : 0;
    at += headerLength + maskLength + length;
  }
  return largest;
}
