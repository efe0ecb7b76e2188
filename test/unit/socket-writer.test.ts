/** Frames go out in order, without waiting while the peer keeps up; a peer far behind is cut off. */
import { describe, expect, it } from 'vitest';
import {
  BACKLOG_BYTES,
  PEER_TOO_SLOW,
  SocketWriter,
  type WritableSocket,
} from '../../src/socket-writer.js';

/** A socket whose backlog the test sets, and whose write callbacks the test completes. */
function recordingSocket() {
  const sent: string[] = [];
  const callbacks: Array<(error?: Error) => void> = [];
  const closes: Array<{ code: number; reason: string }> = [];
  const socket: WritableSocket & { bufferedAmount: number; readyState: number } = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send(data, callback) {
      sent.push(data);
      if (callback) callbacks.push(callback);
    },
    close(code, reason) {
      closes.push({ code, reason });
      socket.readyState = 2;
    },
  };
  return { socket, sent, callbacks, closes };
}

describe('SocketWriter', () => {
  it('sends at once, with no write callback, while the socket has no backlog', () => {
    const { socket, sent, callbacks } = recordingSocket();
    const writer = new SocketWriter(socket, 3);
    for (const frame of ['a', 'b', 'c', 'd', 'e']) writer.write(frame);
    expect(sent).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(callbacks).toHaveLength(0);
  });

  it('holds frames in order behind a backlog and sends them when the write completes', () => {
    const { socket, sent, callbacks } = recordingSocket();
    const writer = new SocketWriter(socket, 3);
    socket.bufferedAmount = BACKLOG_BYTES;
    writer.write('a');
    writer.write('b');
    writer.write('c');
    expect(sent).toEqual(['a']);
    socket.bufferedAmount = 0;
    callbacks.shift()?.();
    writer.write('d');
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
  });

  it('closes with 1008 once the peer is more than the limit behind, and sends nothing after', () => {
    const { socket, sent, closes } = recordingSocket();
    const writer = new SocketWriter(socket, 2);
    socket.bufferedAmount = BACKLOG_BYTES;
    for (const frame of ['a', 'b', 'c', 'd', 'e']) writer.write(frame);
    expect(closes).toEqual([
      { code: PEER_TOO_SLOW, reason: 'the subscriber fell more than 2 events behind' },
    ]);
    writer.write('f');
    expect(sent).toEqual(['a']);
  });
});
