// `npm run bench`: runs every benchmark and prints each figure as one JSON line.
// Figures are reported in the issue notes; they are never asserted as timed unit tests.
import { printFigure, type Figure } from './measure';
import { projectFileFigures } from './project-file.bench';
import { solarFigures } from './solar.bench';
import { solarLongTaskFigures } from './solar-long-tasks.bench';
import { editingFigures } from './editing.bench';
import { analysisFigures } from './analysis.bench';
import { rendererEditFigures } from './renderer-edit.bench';
import { desktopFigures } from './desktop.bench';
import { cliFigures } from './cli.bench';

const suites: [string, () => Promise<Figure[]>][] = [['project-file', projectFileFigures], ['editing', editingFigures], ['renderer-edit', rendererEditFigures], ['analysis', analysisFigures], ['solar', solarFigures], ['solar-long-tasks', solarLongTaskFigures], ['desktop', desktopFigures], ['cli', cliFigures]];

for (const [name, run] of suites) {
  try {
    for (const figure of await run()) printFigure(figure);
  } catch (error) {
    console.error(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
