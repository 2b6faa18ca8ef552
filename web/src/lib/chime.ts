// A short two-note chime for new orders, synthesised with WebAudio (no audio files to fetch).

type AudioContextCtor = typeof AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor: AudioContextCtor | undefined =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext;
  if (!Ctor) return null;
  context = new Ctor();
  return context;
}

/** Whether a chime would be heard now: browsers hold sound back until the person taps the page. */
export type ChimeStatus = 'ready' | 'blocked' | 'unsupported';

export function chimeStatus(): ChimeStatus {
  const ctx = audioContext();
  if (!ctx) return 'unsupported';
  return ctx.state === 'running' ? 'ready' : 'blocked';
}

/**
 * Browsers only allow sound after a user gesture: call this from a click or key press. Resolves
 * with the status afterwards ('blocked' when the browser still refuses).
 */
export async function unlockChime(): Promise<ChimeStatus> {
  const ctx = audioContext();
  if (!ctx) return 'unsupported';
  if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
  return chimeStatus();
}

function note(ctx: AudioContext, frequency: number, start: number, duration: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.05);
}

/** Plays the chime; false when the browser blocks sound (nothing was heard). */
export function playChime(): boolean {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.01;
  note(ctx, 880, start, 0.35); // A5
  note(ctx, 1318.5, start + 0.15, 0.5); // E6
  return true;
}
