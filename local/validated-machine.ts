// The local ASL interpreter validates a definition (asl-validator's JSON schemas) every time it is given one: 100-300 ms
// of CPU per runtime start or test harness. A definition is validated once per content, here and by every later
// process (a marker in the build cache), then handed over as already valid.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';

const CACHE_DIR = path.resolve(__dirname, '..', 'node_modules', '.cache', 'arrears-valid-definitions');
const validated = new Set<string>();

/** The interpreter for `definition`, validated as Step Functions would (ARNs aside: they name local stand-ins). */
export const validatedMachine = (definition: object): StateMachine => {
  const hash = createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 32);
  const marker = path.join(CACHE_DIR, hash);
  if (validated.has(hash) || existsSync(marker))
    return new StateMachine(definition as never, { validationOptions: { noValidate: true } });
  // Throws on an invalid definition, which is then neither remembered nor marked.
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
  validated.add(hash);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(marker, '');
  return machine;
};
