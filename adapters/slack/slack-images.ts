import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import type { Message } from '../../src/messages/message.ts';
import type { ImageSource } from '../../src/platform.ts';
import { classifySlackError } from './slack-failures.ts';

type WebClient = webApi.WebClient;

/**
 * Uploads a posted message's pictures into its thread, with Slack's external upload flow
 * (files.getUploadURLExternal, the bytes, files.completeUploadExternal; the SDK's filesUploadV2). The message
 * has gone out whatever happens here: a picture that cannot be read or uploaded is logged once, and the
 * message's text still says everything (figures are never only in a chart).
 */
export async function uploadImages(
  client: WebClient,
  images: ImageSource,
  log: Logger,
  message: Message,
  at: { channel: string; ts: string; thread?: string },
): Promise<void> {
  for (const block of message.blocks ?? []) {
    if (block.kind !== 'image') continue;
    const image = await images(block.url).catch((err: unknown) => {
      log.error('image not rendered', { channel: at.channel, err });
      return undefined;
    });
    if (!image) {
      log.warn('image not uploaded', { channel: at.channel, problem: 'not a desk image, or its link expired' });
      continue;
    }
    try {
      await client.filesUploadV2({
        channel_id: at.channel,
        thread_ts: at.thread ?? at.ts,
        file: image.bytes,
        filename: image.filename,
        title: block.title,
        alt_text: block.alt,
      });
    } catch (err) {
      log.error('image not uploaded', { channel: at.channel, problem: classifySlackError(err).problem, err });
    }
  }
}
