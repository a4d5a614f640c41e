// Who may use the web chat: this machine only, unless WEB_CHAT_PUBLIC opens it to anyone who gives
// WEB_CHAT_TOKEN (the page asks for it once and sends it as a bearer token).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { fromThisMachine } from '../../src/http/loopback.js';

export interface WebChatAccess {
  public: boolean;
  /** Required when public. */
  token?: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time (digests have the same length whatever was sent). */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The page and its script: served to this machine, or to anyone when public (the page then asks for the token). */
export function pageAccess(access: WebChatAccess): RequestHandler {
  return (req, res, next) => {
    if (access.public || fromThisMachine(req)) return next();
    res.status(403).type('text/plain').send('The web chat answers only on the machine it runs on (WEB_CHAT_PUBLIC=true with WEB_CHAT_TOKEN opens it).');
  };
}

/** The JSON endpoints: this machine, or the bearer token when public. */
export function apiAccess(access: WebChatAccess): RequestHandler {
  return (req, res, next) => {
    if (!access.public) {
      if (fromThisMachine(req)) return next();
      res.status(403).json({ error: 'The web chat answers only on the machine it runs on.' });
      return;
    }
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && given && access.token && sameToken(given, access.token)) return next();
    res.status(401).json({ error: 'The web chat needs its access token.', token: 'required' });
  };
}
