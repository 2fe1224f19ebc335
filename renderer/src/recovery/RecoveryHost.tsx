import { useEffect } from 'react';
import { QuestionDialog } from './QuestionDialog';
import { RecoveryPrompt } from './RecoveryPrompt';
import { startAutosave } from './session';

/** "Never losing work" in the page: autosave, the recovery offer at start, and questions asked by save/revert. */
export function RecoveryHost() {
  useEffect(() => startAutosave(), []);
  return (
    <>
      <RecoveryPrompt />
      <QuestionDialog />
    </>
  );
}
