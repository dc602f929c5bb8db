// One dialog for every step that needs a sentence (decline, reinforcement, result, hand-over), with a choice of
// organisation when the step hands the case to one.

const dialog = () => document.querySelector<HTMLDialogElement>('[data-testid=reason-dialog]')!;

export interface Choice { value: string; label: string }
export interface Answer { text: string; choice: string | null }

/** What the responder typed (trimmed) and chose, or null when they cancelled. */
export function askText(label: string, choices: readonly Choice[] = []): Promise<Answer | null> {
  const box = dialog();
  const form = box.querySelector('form')!;
  const input = box.querySelector<HTMLTextAreaElement>('[data-testid=reason-input]')!;
  const select = box.querySelector<HTMLSelectElement>('[data-testid=reason-organisation]')!;
  box.querySelector<HTMLElement>('.reason-choice')!.hidden = choices.length === 0;
  select.replaceChildren(...choices.map((choice) => new Option(choice.label, choice.value)));
  box.querySelector('.reason-label')!.textContent = label;
  input.value = '';
  box.querySelector<HTMLButtonElement>('[data-testid=reason-cancel]')!.onclick = () => box.close();
  box.showModal();
  input.focus();
  return new Promise((resolve) => {
    const done = (value: Answer | null) => {
      form.removeEventListener('submit', submitted);
      box.removeEventListener('close', closed);
      if (box.open) box.close();
      resolve(value);
    };
    const submitted = (event: Event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text) done({ text, choice: choices.length > 0 ? select.value : null });
    };
    const closed = () => done(null);
    form.addEventListener('submit', submitted);
    box.addEventListener('close', closed);
  });
}
