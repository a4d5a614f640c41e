// Whether a request comes from this machine: the web chat without WEB_CHAT_PUBLIC and Teams without
// credentials answer only such requests.
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function fromThisMachine(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}
