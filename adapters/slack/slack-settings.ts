import { z } from 'zod';
import { group, needs } from '../../src/config-groups.ts';
import type { PlatformSettings } from '../../src/platform.ts';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Set: connect over Socket Mode instead of receiving HTTP requests on /slack/events. */
  appToken?: string;
  /** The Web API base URL, ending in `/`. */
  apiUrl: string;
  /** Channels where every top-level message is treated as a question. */
  supportChannels: string[];
}

const required = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
const optional = ['SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_SUPPORT_CHANNELS'] as const;

const keys = {
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token (xoxb-…)')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .optional(),
  SLACK_SUPPORT_CHANNELS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[CG][A-Z0-9]+$/, 'must be channel ids such as C0123ABCD, comma-separated')))
    .optional(),
} as const;

type Values = { [K in keyof typeof keys]: z.infer<(typeof keys)[K]> };

/** Slack's keys are a group: the token and the signing secret together turn Slack on; the rest need them. */
export const slackSettings: PlatformSettings<SlackConfig> = {
  keys,
  read(values, env, problems) {
    const complete = group(env, required, problems);
    if (!complete) needs(env, optional, `Slack is not configured (set ${required.join(' and ')})`, problems);
    const v = values as Values | undefined;
    if (!complete || !v?.SLACK_BOT_TOKEN || !v.SLACK_SIGNING_SECRET) return undefined;
    return {
      botToken: v.SLACK_BOT_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
      apiUrl: v.SLACK_API_URL ?? 'https://slack.com/api/',
      supportChannels: v.SLACK_SUPPORT_CHANNELS ?? [],
    };
  },
};
