// Teams on the Teams SDK v2 (@microsoft/teams.apps), chosen with TEAMS_SDK=v2 (adapters/teams-shared/plugin.ts).
import type { TeamsSdkLoader } from '../teams-shared/plugin.js';

export const teamsV2: TeamsSdkLoader = async (context, config) => (await import('./index.js')).TeamsV2Channel.open(context, config);
