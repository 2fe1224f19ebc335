// `npm run bench`: runs the benchmarks and prints each figure as one JSON line.
// Figures are reported in the issue notes; they are never asserted as timed unit tests.
import { printFigure, type Figure } from './measure';
import { projectFileFigures } from './project-file.bench';
import { solarFigures } from './solar.bench';
import { solarLongTaskFigures } from './solar-long-tasks.bench';
import { largeParkFigures } from './large-park.bench';
import { editingFigures } from './editing.bench';
import { analysisFigures } from './analysis.bench';
import { rendererEditFigures } from './renderer-edit.bench';
import { desktopFigures } from './desktop.bench';
import { cliFigures } from './cli.bench';
import { layoutFigures } from './layout.bench';

const suites: [string, () => Promise<Figure[]>][] = [['project-file', projectFileFigures], ['editing', editingFigures], ['renderer-edit', rendererEditFigures], ['analysis', analysisFigures], ['solar', solarFigures], ['solar-long-tasks', solarLongTaskFigures], ['large-park', largeParkFigures], ['desktop', desktopFigures], ['cli', cliFigures], ['layout', layoutFigures]];

// `npm run bench -- solar cli` runs only the suites named (all when none is named).
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.some(([name]) => name === w));
if (unknown.length > 0) {
  console.error(`bench: no suite ${unknown.join(', ')}; suites: ${suites.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

for (const [name, run] of suites) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    for (const figure of await run()) printFigure(figure);
  } catch (error) {
    console.error(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
