/** Entry point of the `ecopark` command (bin/ecopark.mjs runs its bundle, or this file through tsx). */
import { runProcess } from './process';

await runProcess(process.argv.slice(2));
