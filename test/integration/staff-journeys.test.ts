import { staffJourneys } from '../journeys/staff-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

// The same help-desk day on every adapter, each over its own platform's protocol.
staffJourneys('local chat', (options) => createLocalDriver(options));
staffJourneys('Slack', (options) => createSlackDriver(options));
staffJourneys('Teams', (options) => createTeamsDriver(options));
