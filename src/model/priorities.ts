/** P1 (everyone is blocked) to P4 (a request, no rush); each carries its own SLA targets. */
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof priorities)[number];

export const isPriority = (word: string): word is Priority => (priorities as readonly string[]).includes(word);
