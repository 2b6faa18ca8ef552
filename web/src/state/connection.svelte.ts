// Live-connection status for the "reconnecting…" pill, and a counter screens watch to refetch after a blip.

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

class ConnectionState {
  status = $state<ConnectionStatus>('idle');
  /** Bumped after the socket comes back from an unexpected drop: lists refetch what they missed. */
  resyncs = $state(0);
  /** What the browser says about the network; the pill says "offline" rather than "reconnecting". */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  constructor() {
    window.addEventListener('online', () => {
      this.online = true;
    });
    window.addEventListener('offline', () => {
      this.online = false;
    });
  }
}

export const connection = new ConnectionState();
