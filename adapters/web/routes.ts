// The local web chat: the page at `/` and its JSON endpoint. Thin: every reply comes from the core.
import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Bot } from '../../src/bot.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';

const PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

const chatRequest = z.object({
  /** The browser's conversation: a random id it keeps, so each tab's triage stays its own. */
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  text: z.string().max(10_000),
  language: z.enum(LANGUAGES).optional(),
});

export function webChatRouter(bot: Bot): Router {
  const router = express.Router();
  router.use(express.static(PUBLIC_DIR));
  router.post('/api/chat', async (req, res) => {
    const parsed = chatRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Expected {"conversationId": string, "text": string, "language"?: "fr"|"de"|"it"|"en"}.' });
      return;
    }
    res.json({ replies: await bot.handle({ ...parsed.data, conversationId: `web:${parsed.data.conversationId}` }) });
  });
  return router;
}
