// The local chat page's behaviour that needs no document: imported by page.js in the browser and by the
// unit tests (test/unit/adapters/local/page-model.test.ts). Plain JavaScript, so the page needs no build.

/** Who you are until you say otherwise: the terminal chat's default too (adapters/local/inbound.ts). */
export const defaultUser = 'alice';

/** The largest body the desk reads (adapters/local/index.ts' maxBodyBytes). */
export const maxBodyBytes = 128 * 1024;

/** The page's own sentences (src/messages/local-chat-copy.ts has the same; a test keeps them equal). */
export const pageCopy = {
  offline: "Couldn't reach the desk — is it still running?",
  tooLong: 'That message is too long to send — please shorten it.',
  failed: (status) => `The desk could not do that just now (HTTP ${status}). Please try again.`,
};

const leadingEmoji = /^((?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+)\s+(\S.*)$/su;

/** A button label as words first and its emoji as decoration after them: "👍 Helpful" → Helpful, 👍. */
export function labelParts(label) {
  const text = String(label ?? '');
  const match = leadingEmoji.exec(text);
  return match ? { text: match[2], emoji: match[1] } : { text, emoji: '' };
}

/**
 * POSTs or GETs JSON; never throws. `{ ok: true, data }`, or `{ ok: false, error }` with a sentence for the
 * person: the desk's own (a 4xx's `error`), or the page's when the desk is unreachable or the body too big.
 */
export async function requestJson(fetcher, method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
    if (new TextEncoder().encode(init.body).length > maxBodyBytes) return { ok: false, error: pageCopy.tooLong };
  }
  let res;
  try {
    res = await fetcher(url, init);
  } catch {
    return { ok: false, error: pageCopy.offline };
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: data ?? {} };
  if (res.status === 413) return { ok: false, error: pageCopy.tooLong };
  const said = data && typeof data.error === 'string' && data.error;
  return { ok: false, error: said || pageCopy.failed(res.status) };
}

/**
 * A press: its message's buttons are disabled while the desk works, and stay so only when the reply settled
 * what the message asked (`settles`); after a failure or any other reply they can be pressed again.
 */
export async function press(buttons, post) {
  for (const b of buttons) b.disabled = true;
  const result = await post();
  const settled = result.ok && (result.data.messages ?? []).some((m) => m?.settles);
  if (!settled) for (const b of buttons) b.disabled = false;
  return result;
}

/** Sends what was typed; the box is cleared at once, and given back the text when sending failed. */
export async function sendTyped(input, post) {
  const text = input.value.trim();
  if (!text) return undefined;
  input.value = '';
  const result = await post(text);
  if (!result.ok && input.value === '') input.value = text;
  return result;
}

/** Where an arriving message goes: over the bubble it replaces (by id), if that one is shown, else at the end. */
export function placeFor(message, shownIds) {
  const target = message?.replaces ?? message?.id;
  return target && shownIds.has(target) ? { replace: target } : { append: true };
}
