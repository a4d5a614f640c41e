// The local web chat: the page at `/` and its JSON endpoint. Thin: every reply comes from the core.
import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Bot } from '../../src/bot.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';

const PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

const chatRequest = z.object({
  text: z.string().max(10_000),
  language: z.enum(LANGUAGES).optional(),
});

export function webChatRouter(bot: Bot): Router {
  const router = express.Router();
  router.use(express.static(PUBLIC_DIR));
  router.post('/api/chat', (req, res) => {
    const parsed = chatRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Expected {"text": string, "language"?: "fr"|"de"|"it"|"en"}.' });
      return;
    }
    res.json({ replies: bot.handle(parsed.data) });
  });
  return router;
}
