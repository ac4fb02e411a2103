import { describe, expect, it } from 'vitest';
import { withBackoff } from '../../../../adapters/teams/backoff.ts';

const failing = (statuses: number[]) => {
  let calls = 0;
  return {
    call: async () => {
      const status = statuses[calls++];
      if (status) throw Object.assign(new Error(`status ${status}`), { statusCode: status });
      return 'sent';
    },
    count: () => calls,
  };
};

describe('withBackoff', () => {
  const options = (sleeps: number[]) => ({
    attempts: 4,
    baseMs: 100,
    maxMs: 1000,
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  });

  it('retries throttling and gateway errors with growing, jittered waits', async () => {
    const sleeps: number[] = [];
    const api = failing([429, 503, 412]);
    expect(await withBackoff(api.call, options(sleeps))).toBe('sent');
    expect(api.count()).toBe(4);
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('gives up after the last attempt, and never retries other errors', async () => {
    const sleeps: number[] = [];
    await expect(withBackoff(failing([502, 502, 502, 502, 502]).call, options(sleeps))).rejects.toThrow('status 502');
    expect(sleeps).toHaveLength(3);
    const notFound = failing([404]);
    await expect(withBackoff(notFound.call, options([]))).rejects.toThrow('status 404');
    expect(notFound.count()).toBe(1);
  });
});
