/** Frames go out in order, without waiting while the peer keeps up; a peer far behind is cut off. */
import { describe, expect, it } from 'vitest';
import {
  BACKLOG_BYTES,
  PEER_TOO_SLOW,
  SocketWriter,
  type WritableSocket,
} from '../../src/server/ws/socket-writer.js';

/** A socket whose backlog the test sets, and whose `drain` the test fires. */
function recordingSocket() {
  const sent: string[] = [];
  const drainCallbacks: Array<() => void> = [];
  const closes: Array<{ code: number; reason: string }> = [];
  const socket: WritableSocket & { bufferedAmount: number; readyState: number } = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send(data) {
      sent.push(data);
    },
    close(code, reason) {
      closes.push({ code, reason });
      socket.readyState = 2;
    },
  };
  const drain = () => {
    socket.bufferedAmount = 0;
    for (const callback of drainCallbacks.splice(0)) callback();
  };
  const writer = (maxQueued: number) =>
    new SocketWriter(socket, (callback) => drainCallbacks.push(callback), maxQueued);
  return { socket, sent, drainCallbacks, closes, drain, writer };
}

describe('SocketWriter', () => {
  it('sends at once, waiting for nothing, while the socket has no backlog', () => {
    const { sent, drainCallbacks, writer } = recordingSocket();
    const frames = writer(3);
    for (const frame of ['a', 'b', 'c', 'd', 'e']) frames.write(frame);
    expect(sent).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(drainCallbacks).toHaveLength(0);
    expect(frames.whenReady()).toBeNull();
  });

  it('holds frames in order behind a backlog and sends them when the socket drains', () => {
    const { socket, sent, drain, writer } = recordingSocket();
    const frames = writer(3);
    frames.write('a');
    socket.bufferedAmount = BACKLOG_BYTES;
    frames.write('b');
    frames.write('c');
    frames.write('d');
    expect(sent).toEqual(['a', 'b']);
    drain();
    frames.write('e');
    expect(sent).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('tells a producer when it may go on: not while frames wait, at once after the drain', async () => {
    const { socket, drain, writer } = recordingSocket();
    const frames = writer(3);
    socket.bufferedAmount = BACKLOG_BYTES;
    frames.write('a');
    const ready = frames.whenReady();
    expect(ready).not.toBeNull();
    let resumed = false;
    void ready?.then(() => {
      resumed = true;
    });
    await Promise.resolve();
    expect(resumed).toBe(false);
    drain();
    await ready;
    expect(resumed).toBe(true);
    expect(frames.whenReady()).toBeNull();
  });

  it('closes with 1008 once the peer is more than the limit behind, and sends nothing after', async () => {
    const { socket, sent, closes, writer } = recordingSocket();
    const frames = writer(2);
    socket.bufferedAmount = BACKLOG_BYTES;
    const ready = (() => {
      frames.write('a');
      return frames.whenReady();
    })();
    for (const frame of ['b', 'c', 'd']) frames.write(frame);
    expect(closes).toEqual([
      { code: PEER_TOO_SLOW, reason: 'the subscriber fell more than 2 events behind' },
    ]);
    frames.write('e');
    expect(sent).toEqual(['a']);
    // Whoever waited to go on is let go (its stream ends with the connection).
    await ready;
  });

  it('sends the frames of one tick in one write when given the transport', async () => {
    const { socket, sent } = recordingSocket();
    const calls: string[] = [];
    const transport = {
      cork: () => calls.push('cork'),
      uncork: () => calls.push(`uncork after ${sent.length}`),
    };
    const frames = new SocketWriter(socket, () => {}, 10, transport);
    for (const frame of ['a', 'b', 'c']) frames.write(frame);
    expect(calls).toEqual(['cork']);
    await new Promise<void>((resolve) => process.nextTick(resolve));
    frames.write('d');
    await new Promise<void>((resolve) => process.nextTick(resolve));
    expect(calls).toEqual(['cork', 'uncork after 3', 'cork', 'uncork after 4']);
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
  });
});
