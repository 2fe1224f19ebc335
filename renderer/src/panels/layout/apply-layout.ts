import { layoutVariantsCommand, type Variant } from '../../../../shared/layout';
import type { DocumentCommand } from '../../../../shared/model/document-command';
import type { ParkDocument } from '../../../../shared/model';

/**
 * The generator's document command (every variant a new scenario, in rank order) with the
 * picked variant active instead of the best one: still one batch, so one undo step.
 */
export function variantChoiceCommand(doc: ParkDocument, variants: readonly Variant[], picked: Variant, options: { seed: number; baseName: string; label: string }): DocumentCommand {
  const { command, scenarios } = layoutVariantsCommand(doc, variants, options);
  const active = scenarios.find((s) => s.variant === picked) ?? scenarios[0];
  if (command.type !== 'batch') return command;
  const inserts = command.commands.filter((c) => c.type !== 'scenario.activate');
  return { ...command, commands: [...inserts, { type: 'scenario.activate', label: options.label, scenarioId: active.scenarioId }] };
}
