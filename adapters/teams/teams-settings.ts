import { z } from 'zod';
import { group, needs } from '../../src/config-groups.ts';
import type { PlatformSettings } from '../../src/platform.ts';

export interface TeamsConfig {
  /** Absent only with TEAMS_ALLOW_UNAUTHENTICATED: then no token is checked or sent (local testing). */
  credentials?:
    | { appType: 'SingleTenant' | 'MultiTenant'; appId: string; password: string; tenantId: string }
    /** A user-assigned managed identity gets its tokens from Azure, with no secret. */
    | { appType: 'UserAssignedMSI'; appId: string; tenantId: string };
  /** Where Bot Framework's token signing keys are published (a local server in tests). */
  openIdMetadataUrl?: string;
  /** The authority the bot gets its own tokens from for replies, tenant included (a local server in tests). */
  loginUrl?: string;
  /** A PEM file of the CA that signed the login authority's certificate, trusted for that authority only. */
  loginCaFile?: string;
}

const withSecret = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;
const managedIdentity = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TENANT_ID'] as const;

const keys = {
  MICROSOFT_APP_ID: z.uuid("must be the bot's app id (a GUID)").optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false'),
  TEAMS_OPENID_METADATA_URL: z.url({ error: 'must be a URL' }).optional(),
  TEAMS_LOGIN_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .refine((u) => new URL(u).pathname.replace(/\/+$/, '') !== '', {
      error: 'must name the tenant, e.g. https://login.microsoftonline.us/<tenant id>',
    })
    .optional(),
  TEAMS_LOGIN_CA_FILE: z.string().min(1).optional(),
} as const;

type Values = { [K in keyof typeof keys]: z.infer<(typeof keys)[K]> };

/**
 * Teams' credentials are a group (app id, secret and tenant; a managed identity has no secret); without them
 * Teams is on only when explicitly unauthenticated.
 */
export const teamsSettings: PlatformSettings<TeamsConfig> = {
  keys,
  read(values, env, problems) {
    const msi = env.MICROSOFT_APP_TYPE?.trim() === 'UserAssignedMSI';
    const complete = group(env, msi ? managedIdentity : withSecret, problems);
    if (msi) needs(env, ['MICROSOFT_APP_PASSWORD'], 'a managed identity (UserAssignedMSI) has no secret', problems);
    if (!env.TEAMS_LOGIN_URL?.trim()) {
      needs(
        env,
        ['TEAMS_LOGIN_CA_FILE'],
        'TEAMS_LOGIN_URL is not (the CA is trusted for that authority only)',
        problems,
      );
    }
    const v = values as Values | undefined;
    if (!v) return undefined;
    const unauthenticated = v.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
    if (complete && unauthenticated) {
      problems.push('TEAMS_ALLOW_UNAUTHENTICATED=true cannot be combined with Microsoft app credentials');
      return undefined;
    }
    if (!complete && !unauthenticated) return undefined;
    const credentials: TeamsConfig['credentials'] = !complete
      ? undefined
      : v.MICROSOFT_APP_TYPE === 'UserAssignedMSI'
        ? { appId: complete.MICROSOFT_APP_ID, tenantId: complete.MICROSOFT_APP_TENANT_ID, appType: 'UserAssignedMSI' }
        : {
            appId: complete.MICROSOFT_APP_ID,
            password: (complete as Record<(typeof withSecret)[number], string>).MICROSOFT_APP_PASSWORD,
            tenantId: complete.MICROSOFT_APP_TENANT_ID,
            appType: v.MICROSOFT_APP_TYPE,
          };
    return {
      ...(credentials ? { credentials } : {}),
      ...(v.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: v.TEAMS_OPENID_METADATA_URL } : {}),
      ...(v.TEAMS_LOGIN_URL ? { loginUrl: v.TEAMS_LOGIN_URL } : {}),
      ...(v.TEAMS_LOGIN_CA_FILE ? { loginCaFile: v.TEAMS_LOGIN_CA_FILE } : {}),
    };
  },
};
