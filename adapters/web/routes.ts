// The local web chat: the page at `/` and its JSON endpoint. Thin: every reply comes from the core.
import express, { type Router } from 'express';
import { z } from 'zod';
import { createRequire } from 'node:module';
import type { Bot, Reply } from '../../src/bot.js';
import { cardFor } from '../../src/cards/replies.js';
import { projectPath } from '../../src/paths.js';
import type { WebChannelDeliverer } from './reminders.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';
import { BODY_LIMIT } from '../../src/http/limits.js';
import { apiAccess, pageAccess, type WebChatAccess } from './access.js';

const PUBLIC_DIR = projectPath('adapters', 'web', 'public');
/** The official Adaptive Cards renderer, served to the page from the installed package. */
const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

const conversationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const language = z.enum(LANGUAGES).optional();

const chatRequest = z.object({
  /** The browser's conversation: a random id it keeps, so each tab's triage stays its own. */
  conversationId,
  // Longer than a question may be: the bot answers that it is too long (the body limit, 1 MB, bounds it).
  text: z.string().max(200_000),
  language,
  /** Set by a follow-up button: the language of the answer that offered it. */
  answerIn: language,
});

const actionRequest = z.object({
  conversationId,
  verb: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  /** What the user calls themself in the web chat, shown on their ticks. */
  name: z.string().max(40).optional(),
  language,
});

function withCards(replies: Reply[]) {
  return replies.map((reply) => ({ ...reply, card: cardFor(reply) }));
}

export function webChatRouter(bot: Bot, channel: WebChannelDeliverer, access: WebChatAccess = { public: false }): Router {
  const router = express.Router();
  const page = pageAccess(access);
  // Only the web chat's own endpoints: /api/messages is Teams', with its own checks.
  router.use(['/api/chat', '/api/channel', '/api/action'], apiAccess(access), express.json({ limit: BODY_LIMIT }));
  router.use(page, express.static(PUBLIC_DIR));
  router.get('/vendor/adaptivecards.min.js', page, (_req, res) => res.sendFile(RENDERER));
  router.post('/api/chat', async (req, res) => {
    const parsed = chatRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Expected {"conversationId": string, "text": string, "language"?: "fr"|"de"|"it"|"en"}.' });
      return;
    }
    const id = `web:${parsed.data.conversationId}`;
    res.json({ replies: withCards(await bot.handle({ ...parsed.data, conversationId: id, user: { id, name: 'web' } })) });
  });
  // The conversation's "channel": reminders posted to it.
  router.get('/api/channel', async (req, res) => {
    const id = conversationId.safeParse(req.query.conversationId);
    if (!id.success) {
      res.status(400).json({ error: 'Expected ?conversationId=…' });
      return;
    }
    res.json({ messages: await channel.messages(`web:${id.data}`) });
  });
  router.post('/api/action', async (req, res) => {
    const parsed = actionRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Expected {"conversationId": string, "verb": string, "data": object}.' });
      return;
    }
    const { conversationId: id, verb, data, name, language: lang } = parsed.data;
    const user = { id: `web:${id}`, name: name?.trim() || 'web' };
    res.json({ replies: withCards(await bot.action({ conversationId: `web:${id}`, verb, data, user, ...(lang ? { language: lang } : {}) })) });
  });
  return router;
}
