import type { Logger } from '../log.ts';
import { type LoadedPulseSurveys, loadPulseSurveys } from './load-pulse-surveys.ts';

/** The pulse surveys in SURVEYS_DIR as they stand now. */
export interface PulseCatalog {
  dir: string;
  /** Reads the folder again: a file added, changed or removed counts from the next read. */
  current(): Promise<LoadedPulseSurveys>;
}

/**
 * The folder is read again whenever surveys are needed (each minute by the sender, on each `survey`
 * command): a handful of small files, so an edit takes effect within a minute without a watcher. A bad file
 * is warned about once per problem, not every minute.
 */
export function createPulseCatalog(dir: string, log: Logger): PulseCatalog {
  const warned = new Set<string>();
  return {
    dir,
    async current() {
      try {
        return await loadPulseSurveys(dir, log, warned);
      } catch (err) {
        // An unreadable folder (permissions) is one warning; nothing is sent from it meanwhile.
        if (!warned.has(dir)) log.warn('pulse surveys not read', { dir, err });
        warned.add(dir);
        return { surveys: [], skipped: [] };
      }
    },
  };
}
