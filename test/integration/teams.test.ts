import { deskJourneys } from '../journeys/desk-journeys.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

deskJourneys('Teams', () => createTeamsDriver());
