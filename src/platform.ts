/**
 * What a chat platform's adapter provides: adapters translate, the desk decides, the store remembers.
 *
 * A platform is one folder under `adapters/` exporting a `Platform`, plus one line in `src/main.ts`'s list.
 * It brings:
 * - `settings`: every environment key it reads, each with its zod schema (the README's configuration table
 *   is checked against them), and `read`, which turns them into the platform's settings, or nothing when the
 *   platform is not configured. A half-set group of keys is a problem naming what is missing.
 * - `mount`: given the desk and its settings, the routes it serves on the shared HTTP server, its `Outbox`
 *   (post, update, dm: how the desk speaks there outside a direct reply), and `start`/`stop`/`idle`.
 * Inside the adapter: validate every payload with zod at the edge (`inbound.ts`), turn it into an `Inbound`,
 * call `desk.handle`, and render the neutral `Message`s it returns with one pure renderer and the platform's
 * limits as data. The adapter never knows what a ticket or an article is; it knows messages, buttons and
 * forms. Platform SDKs are imported only inside their own folder.
 */
import type { z } from 'zod';
import type { Env } from './config-groups.ts';
import type { Desk } from './desk.ts';
import type { Route } from './http/http-server.ts';
import type { Logger } from './log.ts';
import type { Outbox } from './outbox.ts';

/** Where an adapter keeps what it needs to reach a conversation later (Teams' conversation references). */
export interface ReferenceStore {
  save(key: string, reference: Record<string, unknown>): Promise<void>;
  find(key: string): Promise<Record<string, unknown> | undefined>;
}

/** A picture the desk serves itself (a chart), as bytes, for a platform that sends files rather than links. */
export interface DeskImage {
  bytes: Buffer;
  filename: string;
}

/**
 * Reads an image block's `url` (a signed link on the desk's own server) without going over the network:
 * undefined when the link is not one of the desk's, is tampered with or has expired.
 */
export type ImageSource = (url: string) => Promise<DeskImage | undefined>;

export interface PlatformServices {
  desk: Desk;
  log: Logger;
  /** This platform's own references, kept in the database. */
  references: ReferenceStore;
  images: ImageSource;
}

export interface PlatformSettings<S> {
  /** Every key the platform reads, with its schema and default. */
  keys: Readonly<Record<string, z.ZodType>>;
  /**
   * The platform's settings from its parsed keys, or undefined when it is not configured. `values` is
   * undefined when some key failed to parse: then only checks on the raw `env` (a half-set group) run.
   */
  read(values: Readonly<Record<string, unknown>> | undefined, env: Env, problems: string[]): S | undefined;
}

export interface MountedPlatform {
  /** How the start-up line names it: `Slack (HTTP, /slack/events)`. */
  label: string;
  routes: Route[];
  outbox: Outbox;
  /** After the HTTP server listens (Socket Mode opens its own connection here). */
  start(): Promise<void>;
  /** Resolves once every event already received has been handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Undefined while all is well; otherwise what is wrong, in a few words (`starting: Slack answered HTTP 503;
   * retrying`). /healthz reports it: the desk still serves, this platform does not yet (or no longer).
   */
  health?(): string | undefined;
}

/** `name` is the `platform` of its people and places (`slack`), and its settings' key in the config. */
export type Platform<S = unknown> =
  | { name: string; settings: PlatformSettings<S>; mount(settings: S, services: PlatformServices): Mounting }
  /** Nothing to configure: always on (the local chat). */
  | { name: string; settings?: undefined; mount(settings: undefined, services: PlatformServices): Mounting };

/** A platform may load its SDK while mounting, so a desk where it is not configured never loads it. */
export type Mounting = MountedPlatform | Promise<MountedPlatform>;
