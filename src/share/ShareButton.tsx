// 'Share': the phone's own share sheet (WhatsApp, SMS, email…) where the browser has the Web Share API, else 'Copy link'
// with a visible confirmation that screen readers announce too.
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import './share.css';

interface Props {
  url: string;
  title: string;
  text: string;
  /** The button's words when the share sheet is offered, e.g. 'Share' or 'Share my list'. */
  label: string;
}

type Outcome = 'copied' | 'failed' | null;

function canUseShareSheet(data: ShareData): boolean {
  if (typeof navigator.share !== 'function') return false;
  // canShare is missing in some browsers that have share; there, a link with words is always accepted.
  return typeof navigator.canShare !== 'function' || navigator.canShare(data);
}

/** Copies with the Clipboard API, or in pages without it (http: addresses other than localhost) by selecting hidden text. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the older way below.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

export function ShareButton({ url, title, text, label }: Props) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const data: ShareData = { title, text, url };
  const hasShareSheet = typeof navigator !== 'undefined' && canUseShareSheet(data);

  const onShare = async () => {
    if (hasShareSheet) {
      try {
        await navigator.share(data);
      } catch {
        // Closing the share sheet rejects with AbortError: nothing went wrong, so nothing is said.
      }
      return;
    }
    setOutcome(null);
    setOutcome((await copyText(url)) ? 'copied' : 'failed');
  };

  return (
    <div class="share">
      <button type="button" class="button button--secondary share__button" onClick={() => void onShare()}>
        {hasShareSheet ? label : t('share.copyLink')}
      </button>
      {/* role="status" is a polite live region: always in the page, so screen readers announce what appears in it. */}
      <p class="share__outcome" role="status">
        {outcome === 'copied' && t('share.copied')}
        {outcome === 'failed' && t('share.copyFailed')}
      </p>
      {outcome === 'failed' && (
        <p class="share__manual">
          <label>
            {t('share.linkLabel')}
            <input type="text" readOnly value={url} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
          </label>
        </p>
      )}
    </div>
  );
}
