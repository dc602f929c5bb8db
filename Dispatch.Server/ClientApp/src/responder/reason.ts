// One dialog for every step that needs a sentence (decline, reinforcement, result, hand-over request).

const dialog = () => document.querySelector<HTMLDialogElement>('[data-testid=reason-dialog]')!;

/** The trimmed text the responder typed, or null when they cancelled. */
export function askText(label: string): Promise<string | null> {
  const box = dialog();
  const form = box.querySelector('form')!;
  const input = box.querySelector<HTMLTextAreaElement>('[data-testid=reason-input]')!;
  box.querySelector('.reason-label')!.textContent = label;
  input.value = '';
  box.querySelector<HTMLButtonElement>('[data-testid=reason-cancel]')!.onclick = () => box.close();
  box.showModal();
  input.focus();
  return new Promise((resolve) => {
    const done = (value: string | null) => {
      form.removeEventListener('submit', submitted);
      box.removeEventListener('close', closed);
      if (box.open) box.close();
      resolve(value);
    };
    const submitted = (event: Event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text) done(text);
    };
    const closed = () => done(null);
    form.addEventListener('submit', submitted);
    box.addEventListener('close', closed);
  });
}
