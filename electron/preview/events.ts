// Runs in Node (the browser-preview host). Server-sent events: the preview's stand-in for Electron's
// `webContents.send`. It subscribes ONCE to the core's event stream and fans each event out to every open page
// (`event: <name>\ndata: <json>`), with a heartbeat comment so idle connections are not dropped, and forgets a page
// as soon as its connection closes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName, Events } from '../../shared/contract';
import type { Core } from '../main/core';

export const HEARTBEAT_MS = 15_000;

/** One SSE frame. JSON never contains a raw newline, so `data:` is a single line. */
export const sseFrame = (event: string, payload: unknown) => `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(core: Pick<Core, 'onEvent'>, heartbeatMs = HEARTBEAT_MS) {
    this.unsubscribe = core.onEvent((event, payload) => this.broadcast(event, payload));
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  broadcast<E extends EventName>(event: E, payload: Events[E]): void {
    this.write(sseFrame(event, payload));
  }

  /** Takes over a GET /api/events response for as long as the page keeps it open. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n: connected\n\n');
    this.clients.add(res);
    const forget = () => this.clients.delete(res);
    req.on('close', forget);
    res.on('close', forget);
    res.on('error', forget);
  }

  /** Ends every stream and stops listening to the core. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) {
      if (res.writableEnded || res.destroyed) this.clients.delete(res);
      else res.write(chunk);
    }
  }
}
