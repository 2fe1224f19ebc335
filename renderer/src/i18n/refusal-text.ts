import { EN, translate, type Lang, type MessageKey } from './strings';

/**
 * A refusal code of shared/editing or shared/geometry as the sentence a person reads: its
 * refusal.* sentence, the draw.* one of a drawing refusal, or a general sentence for a code
 * no table knows — never the code itself ("not_adjacent").
 */
export function refusalKey(reason: string): MessageKey {
  for (const key of [`refusal.${reason}`, `draw.${reason}`]) if (Object.hasOwn(EN, key)) return key as MessageKey;
  return 'refusal.unknown';
}

export function refusalText(lang: Lang, reason: string): string {
  return translate(lang, refusalKey(reason));
}
