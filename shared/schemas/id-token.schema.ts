// The claims of a person's id token as the Cognito user pool issues them (and the local runtime mimics): one schema for
// the token the local identity provider signs and for what the API accepts, so neither can drift from the other.
import * as z from 'zod';
import { PARTNER_ID_PATTERN } from '../domain/ids';

/** The groups a person may be in; a person is never a partner (that role is for systems, with keys). */
export const PERSON_GROUPS = ['manager', 'collector'] as const;
export type PersonRole = (typeof PERSON_GROUPS)[number];

/** Cognito's usernames, narrowed to what may appear in an actor string and a log line: no spaces, no control characters. */
export const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._@+-]{1,128}$/u;

export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export const IdTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  'cognito:username': z.string().regex(USERNAME_PATTERN, 'a username'),
  /** Absent when the person is in no group: such a person has no role and is refused. */
  'cognito:groups': z.array(z.string()).optional(),
  'custom:tenantId': z.string().regex(PARTNER_ID_PATTERN, 'a tenant id'),
  /** The person's full name (Cognito's `name` attribute), when set: what the console greets them by. */
  name: z.string().min(1).max(256).optional(),
  email: z.email().optional(),
  iss: z.string().min(1),
  /** The app client the token was issued to (the console's). */
  aud: z.string().min(1),
  token_use: z.literal('id'),
  auth_time: z.number().int().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof IdTokenClaimsSchema>;

/** The highest role among the person's groups (manager over collector); null when none of them is a role. */
export const roleOfGroups = (groups: readonly string[] | undefined): PersonRole | null =>
  PERSON_GROUPS.find((role) => groups?.includes(role)) ?? null;

/** How every record names what a signed-in person did: by their username, which Cognito never changes. */
export const actorOfPerson = (username: string) => `person:${username}`;
