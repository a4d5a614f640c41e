// Teams on teams-ai v1 (botbuilder), the default SDK of the Teams channel (adapters/teams-shared/plugin.ts).
import type { TeamsSdkLoader } from '../teams-shared/plugin.js';

export const teamsV1: TeamsSdkLoader = async (context, config) => new (await import('./index.js')).TeamsChannel(context, config);
