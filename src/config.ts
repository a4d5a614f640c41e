// Configuration from environment variables, validated once at start; an error names the variable.
// An empty variable counts as unset (the Bot Framework samples' .env leaves MicrosoftAppId= empty),
// and a .env file at the project's root is read when present; the environment wins over it.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { projectPath } from './paths.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… selects PostgreSQL for several instances; without it, the embedded lowdb store. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  /** How often the reminder scheduler looks for due reminders. */
  REMINDER_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How long an instance's claim on a reminder occurrence holds before another may take it over. */
  REMINDER_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** "off" removes the web chat and its JSON endpoints. */
  WEB_CHAT: z.enum(['on', 'off']).default('on'),
  /** The web chat answers only on this machine unless this is true (then WEB_CHAT_TOKEN is required). */
  WEB_CHAT_PUBLIC: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The token the page asks for when the web chat is public. */
  WEB_CHAT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Teams (Azure Bot registration). Without MicrosoftAppId, Teams requests are taken from loopback only.
  /** The Teams SDK serving /api/messages: teams-ai v1 (the default) or the Teams SDK v2 (@microsoft/teams.apps). */
  TEAMS_SDK: z.enum(['v1', 'v2']).default('v1'),
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Comma-separated tenant ids whose Teams activities are served; empty serves all. */
  TEAMS_ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean)),
  // Slack. Without a bot token and a signing secret the Slack routes are off.
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** An app-level token (xapp-…) switches to Socket Mode. */
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  /** The Web API's base address, e.g. a stand-in in tests and staging. */
  SLACK_API_URL: z.string().url().optional(),
  SLACK_ALLOWED_TEAMS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean)),
  /** Comma-separated Teams and Slack user ids of the coordinators, who list the reported gaps (`gaps`). */
  COORDINATORS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean)),
}).superRefine((c, ctx) => {
  if (c.WEB_CHAT_PUBLIC && c.WEB_CHAT === 'on' && !c.WEB_CHAT_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['WEB_CHAT_TOKEN'], message: 'required when WEB_CHAT_PUBLIC=true' });
  }
  if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI') {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
  }
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The variables of a .env file that the environment does not set already; none without the file. */
export function dotEnv(path: string = projectPath('.env'), env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (!existsSync(path)) return {};
  const file = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(file).filter(([key]) => env[key] === undefined || env[key]!.trim() === ''));
}
