import { digestJourneys } from '../journeys/digest-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

digestJourneys('local chat', (options) => createLocalDriver(options));
digestJourneys('Slack', (options) => createSlackDriver(options));
digestJourneys('Teams', (options) => createTeamsDriver(options));
