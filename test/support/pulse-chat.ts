import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../src/messages/message.ts';
import { stripMarkdown } from '../../src/messages/plain-text.ts';
import { buttonsOf, type TestApp } from './test-app.ts';

/** A SURVEYS_DIR for one test file: each entry is a file name and its YAML. */
export async function surveyFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-surveys-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** A survey file with a scale, a yes / no and a text question, as an admin would write it. */
export const surveyYaml = (s: { id: string; title: string; anonymous?: boolean; days?: number; schedule?: string }) =>
  `id: ${s.id}
title: ${s.title}
anonymous: ${s.anonymous ?? false}
questions:
  - { id: overall, kind: scale, text: How satisfied are you with the help desk? }
  - { id: recommend, kind: yes_no, text: Would you recommend it to a colleague? }
  - { id: improve, kind: text, text: What should we do better? }
audience: { usedWithinDays: ${s.days ?? 30} }
schedule: ${s.schedule ? `'${s.schedule}'` : 'none'}
`;

/** The local chat as people use it: say, press (each reply as plain text), and read one's inbox. */
export function localChat(app: TestApp) {
  const send = async (path: string, body: object): Promise<Message[]> => {
    const res = await app.post(path, body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { messages: Message[] }).messages;
  };
  // Replies without blocks are markdown: read as people see them, without the marks.
  const texts = (messages: Message[]) => stripMarkdown(messages.map((m) => m.text).join('\n'));
  return {
    say: async (user: string, text: string) => texts(await send('/api/local/messages', { user, text })),
    press: async (user: string, button: { actionId: string; value: string }) =>
      texts(await send('/api/local/actions', { user, action: button.actionId, value: button.value })),
    inbox: async (user: string) =>
      ((await (await app.get(`/api/local/inbox?user=${user}`)).json()) as { messages: Message[] }).messages,
  };
}

/** The pulse surveys among messages, and a way to find one's answer buttons: `answer(0, '4')`, `answer(1, 'yes')`. */
export function pulsesIn(messages: Message[], title: string) {
  return messages
    .filter((m) => m.text.includes(title))
    .map((m) => ({
      message: m,
      answer(question: number, answer: string) {
        const button = buttonsOf(m).find((b) => b.value.endsWith(`:${question}:${answer}`));
        if (!button) throw new Error(`no button for question ${question} answer ${answer}`);
        return button;
      },
    }));
}
