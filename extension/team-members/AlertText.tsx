/** A failure or refusal in words, announced as it appears; nothing when there is none. */
export function AlertText({ text }: { text: string | undefined }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}
