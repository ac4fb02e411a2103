import { surveyJourneys } from '../journeys/survey-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

surveyJourneys('local chat', (options) => createLocalDriver(options));
surveyJourneys('Slack', (options) => createSlackDriver(options));
surveyJourneys('Teams', (options) => createTeamsDriver(options));
