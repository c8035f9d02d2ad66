// An error as a log line may hold it: its name, its message with anything shaped like an email or phone number masked,
// and where it was thrown; provider errors can quote an address, and logs never hold personal data.
const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+/g;
const PHONE = /\+?\d[\d ().-]{6,}\d/g;

const mask = (text: string) => text.replace(EMAIL, '(email)').replace(PHONE, '(number)');

export const loggableError = (error: unknown): { name: string; message: string; stack?: string } => {
  if (!(error instanceof Error)) return { name: typeof error, message: '(not an Error)' };
  // The stack's first line repeats the message: only the frames are kept.
  const frames = error.stack?.split('\n').slice(1).join('\n');
  return { name: error.name, message: mask(error.message), ...(frames ? { stack: frames } : {}) };
};
