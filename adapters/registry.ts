// The channels the server offers: a new channel is one folder under adapters/ and one line here.
import { slack } from './slack/channel.js';
import { teamsV1 } from './teams/channel.js';
import { teamsV2 } from './teams-v2/channel.js';
import { teamsChannel } from './teams-shared/plugin.js';
import { web } from './web/channel.js';

// Teams is served by the SDK its settings name (TEAMS_SDK): teams-ai v1 or the Teams SDK v2.
export const CHANNELS = { web, teams: teamsChannel({ v1: teamsV1, v2: teamsV2 }), slack };

/** Each channel's settings, under its name. */
export type ChannelSettings = { [K in keyof typeof CHANNELS]?: (typeof CHANNELS)[K] extends { create(c: never, s: infer S): unknown } ? Exclude<S, undefined> : never };
