// Entry point: set up the language, start loading the feed, and render the shell.
import { render } from 'preact';
import './styles.css';
import { initI18n } from '../i18n';
import { loadFeed } from '../feed/load';
import { App } from './App';

const feedLoading = loadFeed();
void initI18n().then(() => {
  render(<App />, document.getElementById('app')!);
});
void feedLoading;
