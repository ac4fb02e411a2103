import { describe, expect, it } from 'vitest';
import type { ReferenceStore } from '../../src/platform.ts';
import { skippingUnchanged } from '../../src/unchanged-references.ts';

function countingStore() {
  const rows = new Map<string, Record<string, unknown>>();
  const writes: string[] = [];
  const store: ReferenceStore = {
    save: async (key, reference) => {
      writes.push(key);
      rows.set(key, reference);
    },
    find: async (key) => rows.get(key),
  };
  return { store, rows, writes };
}

describe('conversation references saved only when they changed', () => {
  const reference = { serviceUrl: 'https://smba.example/amer/', conversation: { id: 'a:1' } };

  it('writes a reference once while every message brings the same one', async () => {
    let t = 0;
    const { store, writes } = countingStore();
    const skipping = skippingUnchanged(store, () => t);
    for (let i = 0; i < 5; i++) {
      await skipping.save('person:29:1', { ...reference });
      t += 1000;
    }
    expect(writes).toEqual(['person:29:1']);
  });

  it('writes a changed reference at once, and an unchanged one again a minute on', async () => {
    let t = 0;
    const { store, writes, rows } = countingStore();
    const skipping = skippingUnchanged(store, () => t);
    await skipping.save('conversation:a:1', reference);
    await skipping.save('conversation:a:1', { ...reference, serviceUrl: 'https://smba.example/emea/' });
    expect(rows.get('conversation:a:1')?.serviceUrl).toBe('https://smba.example/emea/');
    t = 61_000;
    await skipping.save('conversation:a:1', { ...reference, serviceUrl: 'https://smba.example/emea/' });
    expect(writes).toHaveLength(3);
  });

  it('writes the live reference again after this process marked it gone', async () => {
    const { store, rows } = countingStore();
    const skipping = skippingUnchanged(store, () => 0);
    await skipping.save('conversation:a:1', reference);
    await skipping.save('conversation:a:1', { ...reference, gone: 'the app was removed' });
    await skipping.save('conversation:a:1', reference);
    expect(rows.get('conversation:a:1')).toEqual(reference);
  });

  it('reads what the store holds, not what it last wrote', async () => {
    const { store, rows } = countingStore();
    const skipping = skippingUnchanged(store, () => 0);
    await skipping.save('tenant:t1', reference);
    rows.set('tenant:t1', { ...reference, gone: 'marked by another replica' });
    expect(await skipping.find('tenant:t1')).toMatchObject({ gone: 'marked by another replica' });
  });
});
