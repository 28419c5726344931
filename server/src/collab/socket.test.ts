import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '@careweave/shared';
import type { Rooms } from './rooms.js';
import { socketEvents, type Admission } from './socket.js';

/** Just enough of a ws socket for a room's adapter: events in, closes out. */
function fakeSocket() {
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    close: vi.fn(),
    ping: vi.fn(),
    terminate: vi.fn(),
  });
  return socket;
}

const admitted: Admission = {
  ok: true,
  user: { id: 'user-1', name: 'Sam Whitfield', role: 'nurse', colour: '#000' },
  access: 'write',
  watch: () => () => {},
};

describe('socketEvents', () => {
  it('holds what arrives while the document loads to one message’s limit in all', () => {
    // A document that never finishes loading.
    const rooms = { join: () => new Promise(() => {}) } as unknown as Rooms;
    const events = socketEvents(rooms, 'plan:1:shared', admitted, 1_000, 60_000);
    const raw = fakeSocket();
    events.onOpen!(new Event('open'), { raw } as unknown as WSContext<WebSocket>);

    raw.emit('message', Buffer.alloc(600), true);
    expect(raw.close).not.toHaveBeenCalled();
    raw.emit('message', Buffer.alloc(600), true);
    expect(raw.close).toHaveBeenCalledExactlyOnceWith(
      CloseCode.TooLarge,
      'Too much sent before the document opened',
    );
    events.onClose!(new Event('close') as CloseEvent, { raw } as unknown as WSContext<WebSocket>);
  });
});
