import { deskJourneys } from '../journeys/desk-journeys.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

// The same journeys as in teams.test.ts, as in production: every activity signed by the channel's (fake)
// authority and checked, every reply, card and notice sent with a token from the (fake, HTTPS) login
// authority; the driver fails a journey on any call to the connector without that token.
deskJourneys('Teams with credentials', (options) => createTeamsDriver(options, { credentials: true }));
