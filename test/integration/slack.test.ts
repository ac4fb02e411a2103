import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskJourneys } from '../journeys/desk-journeys.ts';
import { createSlackDriver } from '../support/slack-driver.ts';

deskJourneys('Slack', () => createSlackDriver());
