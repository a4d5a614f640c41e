// A channel (the web chat, Teams, Slack…) is a plug-in: it mounts its routes on the one HTTP
// server, translates what arrives into the core's messages and actions and the core's replies
// into its own format, and posts reminders. Everything else is the core's.
import type { Express } from 'express';
import type { Bot } from '../bot.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Logger } from '../logger.js';
import type { Deliverer } from '../reminders/scheduler.js';
import type { Store } from '../store/store.js';
import type { Inbound } from './inbound.js';

/** What the server gives every channel. */
export interface ChannelContext {
  bot: Bot;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  /** The allowlist and deduplication every channel's deliveries go through. */
  inbound: Inbound;
}

export interface Channel {
  /** The prefix of its conversation ids ("teams:…"), by which reminders find it. */
  readonly name: string;
  /** Adds its routes to the server; each brings its own body parser (Slack verifies the raw body). */
  mount(app: Express): void;
  /** Posts reminders into its conversations. */
  readonly deliverer: Deliverer;
  /** Connects what needs connecting once the server listens (Slack's Socket Mode). */
  start?(): Promise<void>;
}

/** How a channel is made from its settings; undefined when it is off. */
export interface ChannelPlugin<Settings> {
  readonly name: string;
  create(context: ChannelContext, settings: Settings | undefined): Channel | undefined;
  /** The workspaces (tenants, teams) it serves, from its settings; empty serves all. */
  allowlist?(settings: Settings | undefined): string[];
}

/** A deliverer whose channel loads on first use (Teams and Slack load their SDKs lazily). */
export function deferredDeliverer(load: () => Promise<Deliverer>): Deliverer {
  return {
    deliver: async (delivery) => (await load()).deliver(delivery),
    tellCreator: async (reminder, reason) => (await load()).tellCreator(reminder, reason),
  };
}
