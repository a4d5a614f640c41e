// The channels the server offers: a new channel is one folder under adapters/ and one line here.
import { slack } from './slack/channel.js';
import { teams } from './teams/channel.js';
import { web } from './web/channel.js';

export const CHANNELS = { web, teams, slack };

/** Each channel's settings, under its name. */
export type ChannelSettings = { [K in keyof typeof CHANNELS]?: (typeof CHANNELS)[K] extends { create(c: never, s: infer S): unknown } ? Exclude<S, undefined> : never };
