// Operator command: creates a tenant (if new) and issues it an API key in the deployed table. The key is printed once;
// only its SHA-256 is stored. Usage: npm run issue-api-key -- --table <TableName> --tenant <tenantId> [--role partner]
// [--issued-to <person>] (the person the key acts for; the operator running the command when left out).
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoTenantDirectory } from '../../shared/adapters/dynamodb/tenant-directory.dynamodb';
import { PARTNER_ID_PATTERN, sha256Hex } from '../../shared/domain/ids';
import { ApiKeyRoleSchema, defaultTenantSettings } from '../../shared/schemas/tenant.schema';
import { PersonIdSchema } from '../../shared/schemas/api-key.schema';

const main = async () => {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      tenant: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'partner' },
      'issued-to': { type: 'string' },
    },
  });
  if (!values.table || !values.tenant)
    throw new Error(
      'usage: issue-api-key --table <TableName> --tenant <tenantId> [--name "Display name"] [--role partner|collector|manager] [--issued-to <person>]',
    );
  if (!PARTNER_ID_PATTERN.test(values.tenant)) throw new Error(`"${values.tenant}" is not a valid tenant id`);
  const role = ApiKeyRoleSchema.parse(values.role);
  // Every key names a person: four eyes tells people apart by it. Left out, it is the operator at the keyboard.
  const issuedTo = PersonIdSchema.safeParse(values['issued-to'] ?? `operator:${userInfo().username}`);
  if (!issuedTo.success) throw new Error(`--issued-to must be ${issuedTo.error.issues[0]?.message ?? 'a person id'}`);
  const directory = new DynamoTenantDirectory(createDocumentClient(), values.table);
  const now = new Date().toISOString();
  if (!(await directory.getTenant(values.tenant))) {
    await directory.putTenant({
      id: values.tenant,
      name: values.name ?? values.tenant,
      ...defaultTenantSettings,
      createdAt: now,
    });
  }
  const apiKey = `ark_${randomBytes(24).toString('base64url')}`;
  const keyId = `key_${randomBytes(6).toString('hex')}`;
  await directory.putApiKey(sha256Hex(apiKey), { tenantId: values.tenant, role, keyId }, now, {
    issuedTo: issuedTo.data,
  });
  process.stdout.write(
    `tenant:  ${values.tenant}\nrole:    ${role}\nissued to: ${issuedTo.data}\nkey id:  ${keyId}\napi key: ${apiKey}\n(store it now: it is not kept and cannot be shown again)\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
