import type { types } from '@slack/bolt';
import type { Message } from '../../src/messages/message.ts';
import { slackLimits } from './limits.ts';
import { toBlockKit } from './render.ts';

/** App Home: the person's page as the desk describes it (its forms become buttons that open modals). */
export function toHomeView(message: Message): types.HomeView {
  return {
    type: 'home',
    blocks: toBlockKit(message, slackLimits.blocksPerView).blocks,
  };
}
