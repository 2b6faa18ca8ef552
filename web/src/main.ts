import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

// graphql-ws rejects with the socket's CloseEvent where nobody waits for it (a subscription torn
// down as the session ends). The socket layer already reconnects or signs out on that close, so it
// is not an error of the page.
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof CloseEvent) event.preventDefault();
});

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');

export default mount(App, { target });
