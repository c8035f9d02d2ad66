// The people of a tenant as managers see and change them: who they are, their role, whether they may still sign in, and
// the history of every change made to them.
import * as z from 'zod';
import { EmailSchema } from './common.schema';
import { PERSON_GROUPS, USERNAME_PATTERN } from './id-token.schema';

export const PersonRoleSchema = z.enum(PERSON_GROUPS, { error: 'must be manager or collector' });

export const PersonStatusSchema = z.enum(['active', 'deactivated']);
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

export const UsernameSchema = z
  .string()
  .regex(USERNAME_PATTERN, 'must be 1-128 letters, digits or . _ @ + -')
  .meta({ example: 'demo-cara' });

export const PersonSchema = z
  .object({
    username: z.string().meta({ description: 'What the person signs in with; records name them `person:<username>`.' }),
    name: z.string(),
    email: z.string(),
    role: PersonRoleSchema,
    status: PersonStatusSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const PeopleListSchema = z.object({ items: z.array(PersonSchema) }).meta({ id: 'PeopleList' });

export const InvitePersonBodySchema = z
  .strictObject({
    email: EmailSchema.meta({ description: 'Where the invitation (and a temporary password) is sent.' }),
    name: z.string().trim().min(1, 'must not be empty').max(256).meta({ example: 'Cara Collector' }),
    role: PersonRoleSchema,
    username: UsernameSchema.optional().meta({
      description: 'Default: the tenant id and the part of the e-mail address before the @, such as demo-cara.',
    }),
  })
  .meta({ id: 'InvitePersonBody' });
export type InvitePersonBody = z.infer<typeof InvitePersonBodySchema>;

export const PutPersonRoleBodySchema = z.strictObject({ role: PersonRoleSchema }).meta({ id: 'PutPersonRoleBody' });

export const PersonPathSchema = z.strictObject({ username: UsernameSchema });

/** What the API keeps per person beside the pool: what the authentication checks on every call a person makes. */
export const PersonAccessSchema = z.object({
  username: z.string(),
  role: PersonRoleSchema,
  status: PersonStatusSchema,
  changedAt: z.string(),
  changedBy: z.string(),
});
export type PersonAccess = z.infer<typeof PersonAccessSchema>;

export const PersonChangeSchema = z
  .object({
    at: z.string(),
    /** The actor: `person:<username>` or the key's person. */
    by: z.string(),
    username: z.string(),
    action: z.enum(['invited', 'role-changed', 'deactivated', 'activated']),
    /** Each field the change made, from what to what (null when it had none). */
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'PersonChange' });
export type PersonChange = z.infer<typeof PersonChangeSchema>;

export const PeopleHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const PeopleHistoryPageSchema = z
  .object({ items: z.array(PersonChangeSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PeopleHistoryPage' });
