/** A whole message that only greets, thanks or says goodbye: not a question for the knowledge base. */
export type SmallTalk = 'greeting' | 'thanks' | 'farewell';

const patterns: [SmallTalk, RegExp][] = [
  ['greeting', /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|morning)( (there|all|everyone|team))?$/],
  [
    'thanks',
    /^((ok|okay|great|perfect|brilliant|awesome|cool|nice|got it) )?(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated)( (so much|very much|a lot|again|for (the|your) help))?$/,
  ],
  ['farewell', /^(bye|goodbye|bye bye|see you|see ya|cya|later|have a (good|nice) (day|one))$/],
];

/**
 * Whether the message is small talk, judged on the whole of it: "hi, my VPN is down" is a question. Without
 * this, "thanks!" was searched, declined with an offer of a person, and counted as a knowledge gap.
 */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
  return patterns.find(([, pattern]) => pattern.test(words))?.[0];
}
