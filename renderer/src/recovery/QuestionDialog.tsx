import { useQuestionStore } from './question-store';
import { ModalDialog } from '../components/ModalDialog';

/** Renders the pending askQuestion() question, if any. */
export function QuestionDialog() {
  const current = useQuestionStore((s) => s.current);
  const answer = useQuestionStore((s) => s.answer);
  if (!current) return null;
  return (
    <ModalDialog key={current.title + current.text} look="question" title={current.title} description={<p>{current.text}</p>} onClose={() => answer(current.cancelId)}>
      <div className="modal-actions">
        {current.choices.map((choice) => (
          <button key={choice.id} type="button" className={choice.primary ? 'primary' : choice.destructive ? 'destructive' : undefined} onClick={() => answer(choice.id)}>
            {choice.label}
          </button>
        ))}
      </div>
    </ModalDialog>
  );
}
