import { sql } from 'drizzle-orm';
import type { Store } from '../../src/store/open-store.ts';

export type FailingTable = 'tickets' | 'interactions' | 'outbound_messages' | 'conversation_references';

/**
 * Makes the next insert (or update) of a row of `table` fail, once, as a database that hiccups mid-event would: a trigger
 * raises on the first row it sees. A sequence counts the rows because `nextval` survives the rollback the
 * error causes (a flag row deleted in the same transaction would come back).
 */
export async function failNextInsert(store: Store, table: FailingTable, op: 'insert' | 'update' = 'insert') {
  const name = `fail_once_${op}_${table}`;
  await store.db.execute(sql.raw(`create sequence if not exists ${name}`));
  await store.db.execute(
    sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$
      begin
        if nextval('${name}') = 1 then raise exception 'injected: the database hiccupped'; end if;
        return new;
      end $$`),
  );
  await store.db.execute(
    sql.raw(`create or replace trigger ${name} before ${op} on ${table} for each row execute function ${name}()`),
  );
}
