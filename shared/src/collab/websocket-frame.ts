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
