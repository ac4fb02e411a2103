import { createHmac } from 'node:crypto';

export const testSigningSecret = 'test-signing-secret-0123456789';

/** Signs a raw body the way Slack does (api.slack.com/authentication/verifying-requests-from-slack). */
export function slackSignature(body: string, timestamp: number, secret = testSigningSecret): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestamp) };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
