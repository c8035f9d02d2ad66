// Prints the README's role matrix from the route table (paste it between the README's role-matrix markers).
import { apiRoutes } from './routes';
import { roleMatrixMarkdown, ROLE_MATRIX_END, ROLE_MATRIX_START } from './role-matrix';

process.stdout.write(`${ROLE_MATRIX_START}\n${roleMatrixMarkdown(apiRoutes)}\n${ROLE_MATRIX_END}\n`);
