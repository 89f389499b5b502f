// The public ballot page's own entry (ballot.html, served for /ballot): no router, no react-query, no
// component library (ui.tsx), no core code; the shared texts and the ballot's bundle in the chosen
// language. scripts/check-bundle.mjs keeps what a phone loads before it is usable within budget.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../app/global.css';
import { i18nReady, loadModuleBundle } from '../../i18n/index.ts';
import { prefetchFromFragment } from './ballot-prefetch.ts';
import { BallotPage } from './BallotPage.tsx';
import { ballotModule, ballotTexts } from './module.tsx';

// a scanned slip's request goes out now, while the texts load
prefetchFromFragment(window.location.hash);

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from ballot.html');

void Promise.all([i18nReady, loadModuleBundle(ballotModule.id, ballotTexts)]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <BallotPage />
    </StrictMode>,
  ),
);
