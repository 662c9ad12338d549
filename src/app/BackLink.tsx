// 'Back' that returns to the list as the person left it (filters, scroll) when they came from it, else to the home screen.
import { t } from '../i18n';
import { hasInAppHistory } from './navigation';

export function BackLink({ href = '/', label }: { href?: string; label?: string }) {
  return (
    <p class="back">
      <a
        href={href}
        class="back-link"
        onClick={(event) => {
          if (hasInAppHistory()) {
            event.preventDefault();
            history.back();
          }
        }}
      >
        {label ?? t('app.back')}
      </a>
    </p>
  );
}
