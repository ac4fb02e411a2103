import type { Platform } from '../../src/platform.ts';
import { type TeamsConfig, teamsSettings } from './teams-settings.ts';

/**
 * The desk in Microsoft Teams (mount-teams.ts). The Bot Framework SDK is loaded only when Teams is
 * configured: it is the heaviest import the desk has (most of a second and tens of megabytes at start-up).
 */
export const teamsPlatform: Platform<TeamsConfig> = {
  name: 'teams',
  settings: teamsSettings,
  mount: async (config, services) => (await import('./mount-teams.ts')).mountTeams(config, services),
};
