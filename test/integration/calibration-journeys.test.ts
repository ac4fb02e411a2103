import { calibrationJourneys } from '../journeys/calibration-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

// The same commands on every adapter, each over its own platform's protocol.
calibrationJourneys('local chat', (options) => createLocalDriver(options));
calibrationJourneys('Slack', (options) => createSlackDriver(options));
calibrationJourneys('Teams', (options) => createTeamsDriver(options));
