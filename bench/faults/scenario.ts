/** One fault scenario of `npm run bench:faults`: it sets up what it needs, does its damage, and says what was lost. */
export interface Scenario {
  name: string;
  /** One line: what it does. */
  about: string;
  run(): Promise<ScenarioReport>;
}

export interface ScenarioReport {
  name: string;
  /** What it did and what was lost, for people to read. */
  lines: string[];
  /** Whether everything that must hold did. */
  ok: boolean;
}
