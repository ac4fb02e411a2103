import type { types } from '@slack/bolt';
import type { Message } from '../../src/messages/message.ts';
import { slackLimits } from './limits.ts';
import { openNewTicketActionId } from './new-ticket-modal.ts';
import { toBlockKit } from './render.ts';

/** App Home: a "New ticket" button above the person's tickets as the desk describes them. */
export function toHomeView(message: Message): types.HomeView {
  const header = [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: openNewTicketActionId,
          text: { type: 'plain_text', text: 'New ticket' },
        },
      ],
    },
    { type: 'divider' },
  ];
  const body = toBlockKit(message, slackLimits.blocksPerView - header.length).blocks;
  return { type: 'home', blocks: [...header, ...body] as types.HomeView['blocks'] };
}
