import { z } from 'zod';
import type { Inbound } from '../../src/inbound.ts';
import { maxFormIdLength } from '../../src/messages/form.ts';
import { localUserId, type PersonRef, type PlaceRef } from '../../src/model/identity.ts';

const typedName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._@-]{1,64}$/u, 'must be 1-64 letters, digits or . _ @ -');
/** Names are case-insensitive, as people expect: "Carol" and "carol" are one person, with one inbox. */
const user = typedName.transform(localUserId);
/** A client's own id for a request, so a retried one is handled once: printable, as stored and logged. */
const deliveryId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^\P{Cc}+$/u, 'must not hold control characters (NUL, escape, line breaks)')
  .optional();

/** `user` is who it is (lower case); `name` is how they typed it, kept as their display name. */
const withName = <T extends { user: string }>(body: T) => ({ ...body, user: localUserId(body.user), name: body.user });

export const messageBody = z.object({ user: typedName, text: z.string(), id: deliveryId }).transform(withName);
export const actionBody = z
  .object({
    user: typedName,
    action: z.string().min(1).max(100),
    value: z.string().max(1000),
    id: deliveryId,
  })
  .transform(withName);
export const formBody = z
  .object({
    user: typedName,
    form: z.string().min(1).max(maxFormIdLength),
    values: z.record(z.string().max(100), z.string().max(10_000)),
    id: deliveryId,
  })
  .transform(withName);
export const queuesQuery = z.object({ user });
export const inboxQuery = z.union([z.object({ user }), z.object({ place: z.string().trim().min(1).max(100) })]);

const workspace = 'local';

/** Who you are on the web page and in the terminal until you say otherwise (the page's "You are", `--user`). */
export const defaultLocalUser = 'alice';

export function toPerson(name: string): PersonRef {
  return { platform: 'local', workspace, userId: localUserId(name), displayName: name };
}

/** Local chat is one-to-one: the place is the person's own conversation with the desk. */
export function toPlace(name: string): PlaceRef {
  return { platform: 'local', workspace, channel: `@${localUserId(name)}` };
}

export function toMessageInbound(body: z.infer<typeof messageBody>): Inbound {
  return {
    kind: 'message',
    from: toPerson(body.name),
    place: toPlace(body.user),
    text: body.text,
    ...(body.id ? { deliveryId: body.id } : {}),
  };
}

export function toActionInbound(body: z.infer<typeof actionBody>): Inbound {
  return {
    kind: 'action',
    from: toPerson(body.name),
    place: toPlace(body.user),
    actionId: body.action,
    value: body.value,
    ...(body.id ? { deliveryId: body.id } : {}),
  };
}

export function toFormInbound(body: z.infer<typeof formBody>): Inbound {
  return {
    kind: 'form',
    from: toPerson(body.name),
    place: toPlace(body.user),
    formId: body.form,
    values: body.values,
    ...(body.id ? { deliveryId: body.id } : {}),
  };
}

/** Zod issues as one readable line for a 400 response. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
