import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// src/cli/output.ts writes with fs.writeSync and falls back to the stream when a non-blocking pipe
// is full (EAGAIN). The fall-back cannot be forced from outside a process without timing, so the
// descriptor's answers are played here: part of the text, then EAGAIN, then the stream.
describe('the command line output', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('writes everything, in order, when a full pipe sends the rest through the stream', async () => {
    const written: string[] = [];
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number) => {
      expect(fd).toBe(1);
      calls++;
      if (calls === 1) {
        written.push(buffer.subarray(offset, offset + 5).toString());
        return 5; // a partial write
      }
      throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' }); // the pipe is full
    }) as typeof fs.writeSync);
    const streamed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      streamed.push(Buffer.from(chunk).toString());
      return true;
    }) as typeof process.stdout.write);

    const { allWritten, writeOut } = await import('../../../src/cli/output');
    expect(allWritten()).toBe(true);
    writeOut('Hello, world\n');
    writeOut('and after\n'); // goes after the rest, through the stream, never ahead of it
    expect(written.join('') + streamed.join('')).toBe('Hello, world\nand after\n');
    expect(calls).toBe(2);
    expect(allWritten()).toBe(false); // so the command waits for the stream before it exits
  });

  it('ends quietly with status 0 when the reader has gone (EPIPE)', async () => {
    vi.spyOn(fs, 'writeSync').mockImplementation((() => {
      throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
    }) as typeof fs.writeSync);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as typeof process.exit);
    const { writeErr, writeOut } = await import('../../../src/cli/output');
    expect(() => writeOut('lines nobody reads\n')).toThrow('exited');
    expect(exit).toHaveBeenCalledWith(0);
    expect(() => writeErr('a warning nobody reads\n')).not.toThrow(); // standard error: nothing to say it on
  });
});
