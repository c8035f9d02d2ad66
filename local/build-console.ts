// `npm run build:console`: builds the console into console/dist unless the build there is of its current sources.
import { ensureConsoleBuilt } from './console-assets';

if (!ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`)))
  process.stdout.write('the console is built from its current sources\n');
