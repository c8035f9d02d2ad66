// The route × role matrix as the README shows it, made from the route table so the two cannot drift apart.
import type { ApiRoute } from './routes/api-route';
import { ApiKeyRoleSchema } from '../../shared/schemas/tenant.schema';

export const ROLE_MATRIX_START =
  '<!-- role-matrix:start (generated from the route table: npx tsx functions/api/print-role-matrix.ts) -->';
export const ROLE_MATRIX_END = '<!-- role-matrix:end -->';

/** One line per route in table order: a ✓ under each role whose key may call it; public routes take no key. */
export const roleMatrixMarkdown = (routes: readonly ApiRoute[]): string => {
  const roles = ApiKeyRoleSchema.options;
  const lines = [`| route | ${roles.join(' | ')} |`, `| --- | ${roles.map(() => ':-:').join(' | ')} |`];
  for (const route of routes) {
    const cells = route.public
      ? roles.map(() => 'public')
      : roles.map((role) => (route.roles?.includes(role) ? '✓' : '–'));
    lines.push(`| \`${route.method} ${route.path}\` | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
};
