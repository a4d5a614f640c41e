// What both Teams SDKs (teams-ai v1 and teams.apps v2) share about Bot Framework activities: the
// fields the turns read, the messages they send, and the checks made before either SDK sees a
// request (each answers 500 to some malformed ones, which must be a 400 or a 401).
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Delivery, Inbound } from '../../src/channels/inbound.js';
import { localeLanguage } from '../../src/channels/locale.js';
import type { AdaptiveCard } from '../../src/cards/adaptive.js';
import { fromThisMachine } from '../../src/http/loopback.js';
import type { Language } from '../../src/knowledge/schema.js';

/** The channel's name: the prefix of its conversation ids, whichever SDK serves it. */
export const NAME = 'teams';

/** The fields of an activity the turns read; both SDKs' activities have them. */
export interface TeamsActivity {
  type: string;
  id?: string;
  /** An invoke's kind ("adaptiveCard/action"). */
  name?: string;
  text?: string;
  value?: unknown;
  locale?: string;
  replyToId?: string;
  serviceUrl?: string;
  channelId: string;
  from: { id: string; name?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; tenantId?: string };
  channelData?: unknown;
  membersAdded?: { id: string }[];
}

/** A message as the Bot Connector takes it; both SDKs send such plain objects as they are. */
export interface TeamsMessage {
  type: 'message';
  text?: string;
  /** What a notification shows for a card. */
  summary?: string;
  attachments?: { contentType: string; content: AdaptiveCard }[];
  channelData?: Record<string, unknown>;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function cardMessage(card: AdaptiveCard, summary?: string): TeamsMessage {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: card }], ...(summary ? { summary } : {}) };
}

/** The least an activity must carry before an SDK sees it. */
const activityShape = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
}).passthrough();

/** Service URLs already found valid (a handful: one per Bot Connector region), so that a URL is parsed once. */
const validServiceUrls = new Set<string>();
const serviceUrlShape = z.string().url();

const hasId = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { id?: unknown }).id === 'string' && (x as { id: string }).id.length > 0;

/**
 * activityShape without building a parsed copy of every activity: true only where activityShape
 * accepts too. Anything it does not recognise goes to activityShape, which decides.
 */
function plainActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.length === 0 || typeof a.channelId !== 'string' || a.channelId.length === 0) return false;
  if (a.id !== undefined && typeof a.id !== 'string') return false;
  if (!hasId(a.from) || !hasId(a.conversation) || !hasId(a.recipient) || typeof a.serviceUrl !== 'string') return false;
  if (validServiceUrls.has(a.serviceUrl)) return true;
  if (!serviceUrlShape.safeParse(a.serviceUrl).success) return false;
  if (validServiceUrls.size >= 100) validServiceUrls.clear();
  validServiceUrls.add(a.serviceUrl);
  return true;
}

function isActivity(body: unknown): boolean {
  return plainActivity(body) || activityShape.safeParse(body).success;
}

/** An Adaptive Card action names the action clicked; its data, where given, is the button's object. */
const cardActionShape = z.object({
  action: z.object({ type: z.string(), verb: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }).passthrough(),
}).passthrough();

function malformedCardAction(body: { type?: unknown; name?: unknown; value?: unknown }): boolean {
  return body.type === 'invoke' && body.name === 'adaptiveCard/action' && !cardActionShape.safeParse(body.value).success;
}

/**
 * Whether the Authorization header holds a signed JWT as the Bot Framework sends them (RS256):
 * botbuilder answers 500 to some it cannot read (alg "none"), which must be a 401.
 */
function signedToken(header: string | undefined): boolean {
  const [scheme, token] = (header ?? '').split(' ');
  const parts = token?.split('.') ?? [];
  if (scheme !== 'Bearer' || parts.length !== 3 || !parts[2]) return false;
  try {
    const { alg } = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    return alg === 'RS256';
  } catch {
    return false;
  }
}

export function tenantOf(activity: Pick<TeamsActivity, 'conversation' | 'channelData'>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function languageOf(activity: Pick<TeamsActivity, 'locale'>): Language | undefined {
  return localeLanguage(activity.locale);
}

/** The delivery the shared inbound step claims. Invokes wait for their answer: not deduplicated. */
export function deliveryOf(activity: TeamsActivity): Delivery {
  const tenant = tenantOf(activity);
  const keys = activity.type !== 'invoke' && activity.id ? [`${activity.conversation.id}|${activity.id}`] : [];
  return { channel: NAME, keys, ...(tenant ? { workspace: tenant } : {}) };
}

/**
 * Answers what must not reach an SDK (without credentials, anything not from this machine; a body
 * that is not an activity or a card action without its action; a tenant not allowed; a header that
 * cannot be a Bot Framework token)
 * and says whether the request may go on. The SDK then validates the token itself.
 * Without credentials no token is needed (the Emulator and the playground send none), but one that
 * is sent must be able to be genuine: the SDKs, whose validation is then off, would accept a
 * forged one as anonymous.
 */
export function gate(req: Request, res: Response, credentials: boolean, inbound: Inbound): boolean {
  if (!credentials && !fromThisMachine(req)) {
    res.status(401).json({ error: 'Teams requests are accepted only from this machine until MicrosoftAppId is set.' });
    return false;
  }
  if (!isActivity(req.body) || malformedCardAction(req.body)) {
    res.status(400).json({ error: 'Not a Bot Framework activity.' });
    return false;
  }
  if (!inbound.allows(NAME, tenantOf(req.body))) {
    res.status(403).json({ error: 'This tenant is not allowed.' });
    return false;
  }
  if ((credentials || req.headers.authorization !== undefined) && !signedToken(req.headers.authorization)) {
    res.status(401).json({ error: 'The request is not authenticated.' });
    return false;
  }
  return true;
}
