import { useQuestionStore } from './question-store';
import { ModalDialog } from './ModalDialog';

/** Renders the pending askQuestion() question, if any. */
export function QuestionDialog() {
  const current = useQuestionStore((s) => s.current);
  const answer = useQuestionStore((s) => s.answer);
  if (!current) return null;
  return (
    <ModalDialog key={current.title + current.text} title={current.title} description={<p>{current.text}</p>} onEscape={() => answer(current.cancelId)}>
      <div className="modal-actions">
        {current.choices.map((choice) => (
          <button key={choice.id} type="button" className={choice.primary ? 'primary' : undefined} onClick={() => answer(choice.id)}>
            {choice.label}
          </button>
        ))}
      </div>
    </ModalDialog>
  );
}
