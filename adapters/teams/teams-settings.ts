import { z } from 'zod';
import { group } from '../../src/config-groups.ts';
import type { PlatformSettings } from '../../src/platform.ts';

export interface TeamsConfig {
  /** Absent only with TEAMS_ALLOW_UNAUTHENTICATED: then no token is checked or sent (local testing). */
  credentials?: {
    appId: string;
    password: string;
    tenantId: string;
    appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  };
  /** Where Bot Framework's token signing keys are published (a local server in tests). */
  openIdMetadataUrl?: string;
  /** Where the bot gets its own tokens for replies (a local server in tests). */
  loginUrl?: string;
}

const required = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;

const keys = {
  MICROSOFT_APP_ID: z.uuid("must be the bot's app id (a GUID)").optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false'),
  TEAMS_OPENID_METADATA_URL: z.url({ error: 'must be a URL' }).optional(),
  TEAMS_LOGIN_URL: z.url({ error: 'must be a URL' }).optional(),
} as const;

type Values = { [K in keyof typeof keys]: z.infer<(typeof keys)[K]> };

/** Teams' three credentials are a group; without them Teams is on only when explicitly unauthenticated. */
export const teamsSettings: PlatformSettings<TeamsConfig> = {
  keys,
  read(values, env, problems) {
    const complete = group(env, required, problems);
    const v = values as Values | undefined;
    if (!v) return undefined;
    const unauthenticated = v.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
    if (complete && unauthenticated) {
      problems.push('TEAMS_ALLOW_UNAUTHENTICATED=true cannot be combined with Microsoft app credentials');
      return undefined;
    }
    if (!complete && !unauthenticated) return undefined;
    return {
      ...(complete
        ? {
            credentials: {
              appId: complete.MICROSOFT_APP_ID,
              password: complete.MICROSOFT_APP_PASSWORD,
              tenantId: complete.MICROSOFT_APP_TENANT_ID,
              appType: v.MICROSOFT_APP_TYPE,
            },
          }
        : {}),
      ...(v.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: v.TEAMS_OPENID_METADATA_URL } : {}),
      ...(v.TEAMS_LOGIN_URL ? { loginUrl: v.TEAMS_LOGIN_URL } : {}),
    };
  },
};
