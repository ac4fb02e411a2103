/**
 * Malformed and odd bodies for the local chat API's POST endpoints, from a seeded generator: the same seed
 * gives the same bodies, so a failure found once can be sent again. `refuse` bodies break the API's rules as
 * the README states them (not JSON, not an object, a field missing or of the wrong type, a user name or
 * delivery id the API does not take, the wrong content-type, over 128 KiB) and must be refused with a 4xx
 * and leave nothing behind; `odd` bodies are well-formed but strange (unicode tricks, control characters,
 * long text, extra and nested fields) and may be answered, but never with a 5xx.
 */
import { seededRandom } from '../../src/knowledge/eval/seeded-random.ts';
export interface FuzzedBody {
  path: string;
  contentType: string;
  body: string | Uint8Array;
  expect: 'refuse' | 'odd';
  /** Which kind of damage it carries, for the report. */
  kind: string;
}

export type Random = () => number;

const paths = ['/api/local/messages', '/api/local/actions', '/api/local/forms'] as const;
const json = 'application/json';
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const int = (r: Random, below: number) => Math.floor(r() * below);

/** Strings that have broken parsers, terminals and databases somewhere. */
const oddities = [
  '\u202eevil\u202c',
  'zero\u200bwidth\u200d',
  'e\u0301\u0301\u0301\u0301',
  '\ud83d\ude00\ud83d\udca9',
  '\ud800',
  '\udfff lone',
  '\ufeffbom',
  '\u0000nul',
  '\u001b[2J\u001b[31mred',
  'tab\tcr\rlf\n',
  "'; drop table tickets; --",
  '<script>alert(1)</script>',
  '{{7*7}} $\u007b7*7} %s%n',
  '\uffff\ufffe',
  '𝕿𝖎𝖈𝖐𝖊𝖙',
  'ticket \u0000\u0007',
  '../../etc/passwd',
  'T-0',
  'T-99999999999999999999',
];

/** A body that is well-formed for its endpoint, from parts chosen by `r` (`text` says what goes in). */
function validShape(r: Random, path: string, text: unknown, user: unknown = `fuzz${int(r, 40)}`) {
  if (path.endsWith('messages')) return { user, text };
  if (path.endsWith('actions')) return { user, action: pick(r, ['helpful', 'talk_to_human', 'claim']), value: text };
  return { user, form: pick(r, ['ticket', 'csat_comment:1', 'nope']), values: { subject: text } };
}

const requiredOf: Record<string, string[]> = {
  '/api/local/messages': ['user', 'text'],
  '/api/local/actions': ['user', 'action', 'value'],
  '/api/local/forms': ['user', 'form', 'values'],
};
const wrongTypes = [42, -0.5, true, null, [], ['a'], { a: 1 }, 1e308];
const badUsers = ['', '   ', 'a'.repeat(65), 'bob smith', 'a/b', '<b>', 'ali\u0000ce', '😀', 'x\ny', '%00'];
const badIds = ['', '   ', 'a'.repeat(201), 'id\u0000', 'id\u001b[0m', 'line\nbreak', 'tab\there'];

const refusals: Record<string, (r: Random, path: string) => Omit<FuzzedBody, 'path' | 'expect' | 'kind'>> = {
  'invalid JSON': (r, path) => {
    const whole = JSON.stringify(validShape(r, path, 'printer jammed'));
    const broken = [
      whole.slice(0, int(r, whole.length - 1) + 1),
      whole.replace(/"/g, "'"),
      `${whole},`,
      whole.replace(':', ''),
      `${whole}${whole}`,
      '{"user": NaN}',
      '',
      String.fromCharCode(...Array.from({ length: 20 }, () => 33 + int(r, 90))),
    ];
    return { contentType: json, body: pick(r, broken) };
  },
  'not an object': (r) => ({ contentType: json, body: pick(r, ['null', '42', '"text"', '[]', '[{}]', 'true', '{}']) }),
  'missing field': (r, path) => {
    const body: Record<string, unknown> = validShape(r, path, 'vpn drops');
    delete body[pick(r, requiredOf[path] ?? ['user'])];
    return { contentType: json, body: JSON.stringify(body) };
  },
  'wrong type': (r, path) => {
    const body: Record<string, unknown> = validShape(r, path, 'vpn drops');
    body[pick(r, requiredOf[path] ?? ['user'])] = pick(r, wrongTypes);
    return { contentType: json, body: JSON.stringify(body) };
  },
  'bad user name': (r, path) => ({
    contentType: json,
    body: JSON.stringify(validShape(r, path, 'vpn drops', pick(r, badUsers))),
  }),
  'bad delivery id': (r, path) => ({
    contentType: json,
    body: JSON.stringify({ ...validShape(r, path, 'vpn drops'), id: pick(r, badIds) }),
  }),
  'wrong content-type': (r, path) => ({
    contentType: pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/json', '']),
    body: JSON.stringify(validShape(r, path, 'ticket printer jammed')),
  }),
  'deep nesting': (r, path) => {
    const depth = pick(r, [100, 1000, 10_000, 50_000]);
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const field = pick(r, requiredOf[path] ?? ['user']);
    return { contentType: json, body: `{"${field}":${nested}}` };
  },
  'over 128 KiB': (r, path) => ({
    contentType: json,
    body: JSON.stringify(validShape(r, path, 'x'.repeat(131_072 + int(r, 200_000)))),
  }),
  'over a field limit': (r, path) => {
    const body: Record<string, unknown> = validShape(r, path, 'y'.repeat(10_001 + int(r, 1000)));
    if (path.endsWith('messages')) body.id = 'i'.repeat(201 + int(r, 100));
    return { contentType: json, body: JSON.stringify(body) };
  },
};

const odd: Record<string, (r: Random, path: string) => Omit<FuzzedBody, 'path' | 'expect' | 'kind'>> = {
  'unicode oddities': (r, path) => ({
    contentType: json,
    body: JSON.stringify(validShape(r, path, Array.from({ length: 1 + int(r, 4) }, () => pick(r, oddities)).join(' '))),
  }),
  'control characters': (r, path) => ({
    contentType: json,
    body: JSON.stringify(
      validShape(
        r,
        path,
        String.fromCharCode(
          ...Array.from({ length: 1 + int(r, 30) }, () => (r() < 0.5 ? int(r, 32) : 97 + int(r, 26))),
        ),
      ),
    ),
  }),
  'long text': (r, path) => ({
    contentType: json,
    body: JSON.stringify(validShape(r, path, 'printer '.repeat(100 + int(r, 1100)).slice(0, 9_000))),
  }),
  'extra fields': (r, path) => {
    const extra = `"__proto__":{"admin":true},"constructor":{"prototype":{"polluted":1}},"extra":${'['.repeat(50)}${']'.repeat(50)},`;
    return {
      contentType: pick(r, [json, 'application/json; charset=utf-8', 'APPLICATION/JSON']),
      body: JSON.stringify(validShape(r, path, pick(r, oddities))).replace(/^\{/, `{${extra}`),
    };
  },
  'invalid UTF-8': (r, path) => {
    const text = Buffer.from(JSON.stringify(validShape(r, path, 'vpn XX drops')));
    const at = text.indexOf('XX');
    text[at] = pick(r, [0xc3, 0xff, 0xed, 0x80]);
    text[at + 1] = pick(r, [0x28, 0xa0, 0xfe]);
    return { contentType: json, body: new Uint8Array(text) };
  },
};

/** `count` bodies from `seed`: about seven in ten meant to be refused. */
export function fuzzedBodies(seed: number, count: number): FuzzedBody[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const path = pick(r, paths);
    const refuse = r() < 0.7;
    const table = refuse ? refusals : odd;
    const kind = pick(r, Object.keys(table));
    const made = table[kind]?.(r, path) ?? { contentType: json, body: '{}' };
    return { path, ...made, expect: refuse ? 'refuse' : 'odd', kind };
  });
}
