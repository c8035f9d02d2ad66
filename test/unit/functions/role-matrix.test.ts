// Item 4 of issue 13: the README's role matrix is the route table's, line for line.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { apiRoutes } from '../../../functions/api/routes';
import { roleMatrixMarkdown, ROLE_MATRIX_END, ROLE_MATRIX_START } from '../../../functions/api/role-matrix';

describe('item 4: the role matrix in the README', () => {
  it('equals the roles declared in the route table (regenerate with npx tsx functions/api/print-role-matrix.ts)', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf(ROLE_MATRIX_START);
    const end = readme.indexOf(ROLE_MATRIX_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + ROLE_MATRIX_START.length, end).trim()).toBe(roleMatrixMarkdown(apiRoutes));
  });
});
