/**
 * Slack's external file upload, as the fake serves it: `files.getUploadURLExternal` hands out an upload URL
 * on the fake itself, the client POSTs the bytes there (multipart, as @slack/web-api sends them), and
 * `files.completeUploadExternal` shares the file into a channel or thread. Shapes follow
 * docs.slack.dev/reference/methods/files.getuploadurlexternal and files.completeuploadexternal.
 */
import type { IncomingMessage } from 'node:http';

export interface SlackUploadedFile {
  id: string;
  filename: string;
  /** The length the client announced, and the bytes that arrived. */
  length: number;
  bytes?: Buffer;
  altText?: string;
  title?: string;
  /** Where it was shared, once completed. */
  channel?: string;
  threadTs?: string;
}

export function createFileUploads(base: () => string) {
  const files: SlackUploadedFile[] = [];
  return {
    files,
    /** files.getUploadURLExternal */
    begin(args: Record<string, unknown>) {
      const id = `F${String(files.length + 1).padStart(6, '0')}`;
      const length = Number(args.length);
      if (!args.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
      files.push({
        id,
        filename: String(args.filename),
        length,
        ...(args.alt_text ? { altText: String(args.alt_text) } : {}),
      });
      return { ok: true, upload_url: `${base()}/upload/${id}`, file_id: id };
    },
    /** The POST of the bytes to an upload URL: 200 with a plain body, as Slack's file servers answer. */
    async receive(req: IncomingMessage, id: string): Promise<number> {
      const file = files.find((f) => f.id === id);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (!file) return 404;
      const form = await new Request('http://fake/upload', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body: Buffer.concat(chunks),
      }).formData();
      const sent = [...form.values()].find((v) => typeof v !== 'string');
      if (sent === undefined || typeof sent === 'string') return 400;
      file.bytes = Buffer.from(await sent.arrayBuffer());
      return 200;
    },
    /** files.completeUploadExternal: every file must have been uploaded first. */
    complete(args: Record<string, unknown>) {
      const listed = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
      const done = listed.map((l) => files.find((f) => f.id === l.id && f.bytes));
      if (listed.length === 0 || done.some((f) => f === undefined)) return { ok: false, error: 'file_not_found' };
      for (const [i, file] of done.entries()) {
        if (!file) continue;
        const title = listed[i]?.title;
        Object.assign(file, {
          ...(title ? { title } : {}),
          ...(args.channel_id ? { channel: String(args.channel_id) } : {}),
          ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
        });
      }
      return { ok: true, files: done.map((f) => ({ id: f?.id, title: f?.title ?? f?.filename })) };
    },
  };
}
