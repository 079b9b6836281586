import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * The few DevTools-protocol calls PDF printing needs, over Chromium's --remote-debugging-pipe
 * (file descriptors 3 and 4, messages ended by NUL): no port is opened, so nothing else on the
 * machine can talk to the printing browser.
 */
export interface CdpSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Resolves with the first event of that name (for the given session). */
  once(method: string, sessionId?: string): Promise<Record<string, unknown>>;
  close(): void;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export function cdpOverPipe(child: ChildProcess): CdpSession {
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  let buffer = '';
  const waiting = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const listeners: { method: string; sessionId?: string; resolve: (p: Record<string, unknown>) => void }[] = [];
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };

  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let end = buffer.indexOf('\0'); end !== -1; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const w = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) w?.reject(new Error(message.error.message));
        else w?.resolve(message.result ?? {});
      } else if (message.method) {
        const i = listeners.findIndex((l) => l.method === message.method && (!l.sessionId || l.sessionId === message.sessionId));
        if (i !== -1) listeners.splice(i, 1)[0]!.resolve(message.params ?? {});
      }
    }
  });
  fromBrowser.on('error', (error) => failAll(error));
  child.on('exit', (code, signal) => failAll(new Error(`the browser stopped (${signal ?? code})`)));

  return {
    send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (r: Record<string, unknown>) => void, reject });
        toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      });
    },
    once(method, sessionId) {
      return new Promise((resolve) => listeners.push({ method, sessionId, resolve }));
    },
    close() {
      toBrowser.end();
    },
  };
}
