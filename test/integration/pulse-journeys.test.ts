import { pulseJourneys } from '../journeys/pulse-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

pulseJourneys('local chat', (options) => createLocalDriver(options));
pulseJourneys('Slack', (options) => createSlackDriver(options));
pulseJourneys('Teams', (options) => createTeamsDriver(options));
