/** A database of its own on a Postgres server, for one bench run's desk; dropped with `drop()`. */
import postgres from 'postgres';

let made = 0;

export interface ScratchDatabases {
  /** A new, empty database's URL. */
  create(): Promise<string>;
  /** Drops every database made, and closes the connection. */
  dropAll(): Promise<void>;
}

export function scratchDatabases(serverUrl: string, prefix: string): ScratchDatabases {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const names: string[] = [];
  return {
    async create() {
      const name = `${prefix}_${process.pid}_${made++}`;
      await admin.unsafe(`create database ${name}`);
      names.push(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll() {
      for (const name of names.splice(0)) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
