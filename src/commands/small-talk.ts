import { words } from '../words.ts';

/**
 * A whole message that only greets, thanks or says goodbye, asks what the desk is, or asks for help without
 * saying with what: not a question for the knowledge base.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'farewell' | 'about' | 'vague';

const patterns: [SmallTalk, RegExp][] = [
  ['greeting', /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|morning)( (there|all|everyone|team))?$/],
  [
    'thanks',
    /^((ok|okay|great|perfect|brilliant|awesome|cool|nice|got it) )?(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated)( (so much|very much|a lot|again|for (the|your) help))?$/,
  ],
  ['farewell', /^(bye|goodbye|bye bye|see you|see ya|cya|later|have a (good|nice) (day|one))$/],
  [
    'about',
    /^(what (can|do) you do|what are you|who are you|what is this|are you an? (bot|robot|human|person|real person)|how (does|do) (this|it|you) work)$/,
  ],
  [
    'vague',
    /^((please )?help( me)?( please)?|(can|could) you help( me)?( please)?|i need (some )?(help|assistance)|i have an? (problem|question|issue))$/,
  ],
];

/**
 * Whether the message is small talk, judged on the whole of it: "hi, my VPN is down" is a question. Without
 * this, "thanks!" was searched, declined with an offer of a person, and counted as a knowledge gap, and
 * "help me" was offered three articles picked for the word "help".
 */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const said = words(text).join(' ');
  return patterns.find(([, pattern]) => pattern.test(said))?.[0];
}
