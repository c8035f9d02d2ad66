// Builds the console once before any infra test synthesizes the app: the console's stack deploys its built files, and
// parallel test files must not each start a build into the same folder.
import { ensureConsoleBuilt } from '../../local/console-assets';

export default (): void => {
  ensureConsoleBuilt();
};
