import type { Feature } from '../commands/feature.ts';
import { digestCommand } from './digest-command.ts';
import { digestJob } from './digest-job.ts';
import type { DigestSettings } from './digest-settings.ts';

/** The weekly digest: posted on its schedule to the CoE's places, and on demand with `digest`. */
export const digestsFeature = (settings: DigestSettings): Feature => ({
  name: 'digests',
  commands: [digestCommand(settings)],
  jobs: [digestJob(settings)],
});
