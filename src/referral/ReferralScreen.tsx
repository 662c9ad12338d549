// The 'Ask for support' journey (loaded lazily): the start page at /refer, one question per page at /refer/<step>,
// check your answers, send, and the confirmation at /refer/sent/<id>. Answers are saved as they are typed
// (answers.ts); Send puts the referral in the outbox (outbox.ts) before anything goes over the network.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Feed, Referral } from '../feed/schema';
import { currentFeed } from '../feed/state';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { settings } from '../app/settings';
import { languageName, mailtoHref, telHref } from '../activity/facts';
import { NeedsInternet } from '../pwa/NeedsInternet';
import { isOnline } from '../pwa/network';
import { favourites, loadFavourites } from '../favourites/state';
import { answers, deleteAnswers, hasAnyAnswer, isDraftKept, offerInterest, updateAnswers, type Answers, type Interest } from './answers';
import { BEST_TIMES, CONTACT_METHODS, type BestTime, type ContactMethod, type ReferralFor } from './contract';
import { Checkboxes, Confirmation, ErrorSummary, errorFor, Radios, TextArea, TextField, type Choice } from './fields';
import { isSending, outboxRecords, outboxStatus, queueReferral, refreshOutbox, startOutbox } from './outbox';
import type { WaitingRecord } from './outbox-core';
import { chosenInterests, preferredLanguageOf, referralBody, summaryText, withoutUndefined } from './payload';
import { firstIncompleteStep, isStep, nextStep, previousStep, stepsFor, usesPhone, validateStep, type FieldError, type FlowContext, type Step } from './steps';
import { normalisePostcode } from './validate';
import './referral.css';

/** The languages offered first: those most spoken in the area besides English (PRODUCT.md). */
const LANGUAGE_CHOICES = ['en', 'ur', 'bn', 'pa', 'gu', 'pl', 'ar', 'ro'];

interface Props {
  params?: { step?: string; id?: string };
}

export default function ReferralScreen({ params }: Props) {
  const feed = currentFeed.value;
  useEffect(() => startOutbox(), []);
  if (!feed) return null;
  const referral = feed.referral;
  if (!referral) return <NoReferralService />;
  const hub = pickText(referral.hub, language.value, feed.defaultLanguage).text;
  const context: FlowContext = { minimumAge: referral.minimumAge };
  const page: PageProps = { feed, referral, hub, context };
  if (params?.id) return <SentPage {...page} id={params.id} />;
  const step = params?.step;
  if (step === undefined) return <StartPage {...page} />;
  if (step === 'delete') return <DeletePage />;
  if (step === 'too-young') return <TooYoungPage {...page} />;
  if (isStep(step)) return step === 'check' ? <CheckPage {...page} /> : <QuestionPage key={step} {...page} step={step} />;
  return <NoSuchPage />;
}

interface PageProps {
  feed: Feed;
  referral: Referral;
  hub: string;
  context: FlowContext;
}

function Page({ children, class: className = '' }: { children: ComponentChildren; class?: string }) {
  return <section class={`page referral ${className}`}>{children}</section>;
}

function BackTo({ href }: { href: string }) {
  return (
    <p class="back">
      <a href={href} class="back-link">
        {t('referral.common.back')}
      </a>
    </p>
  );
}

function SavedNote({ from }: { from: string }) {
  return (
    <div class="referral__footer">
      <p class="hint">{isDraftKept.value ? t('referral.common.kept') : t('referral.common.notKept')}</p>
      <p>
        <a href={`/refer/delete?from=${encodeURIComponent(from)}`}>{t('referral.common.deleteAnswers')}</a>
      </p>
    </div>
  );
}

function ContactTheHub({ referral }: { referral: Referral }) {
  const tel = referral.phone ? telHref(referral.phone) : null;
  const mailto = referral.email ? mailtoHref(referral.email) : null;
  if (!tel && !mailto) return null;
  return (
    <ul class="contact-links">
      {tel && (
        <li>
          {t('referral.common.phone')}{' '}
          <a href={tel} dir="ltr" lang="en">
            {referral.phone!.slice(0, 40)}
          </a>
        </li>
      )}
      {mailto && (
        <li>
          {t('referral.common.email')}{' '}
          <a href={mailto} dir="ltr" lang="en">
            {referral.email!.slice(0, 120)}
          </a>
        </li>
      )}
    </ul>
  );
}

function activityName(feed: Feed, interest: Interest): string {
  const activity = feed.activities.find((a) => a.id === interest.activityId);
  return activity ? pickText(activity.name, language.value, feed.defaultLanguage).text.slice(0, 200) : interest.name;
}

// ---------- /refer

function StartPage({ feed, referral, hub }: PageProps) {
  const { query, route } = useLocation();
  usePageTitle(t('referral.start.title'));
  const activityId = query.activity;
  const activity = activityId ? feed.activities.find((a) => a.id === activityId) : undefined;
  // 'Ask to join' on an activity: that group is offered, and ticked, on 'what would help'.
  useEffect(() => {
    if (activity) offerInterest({ activityId: activity.id, name: pickText(activity.name, feed.defaultLanguage, feed.defaultLanguage).text.slice(0, 200) }, true);
  }, [activity?.id]);
  const draft = answers.value;
  const hasAnswers = hasAnyAnswer(draft);
  const resumeAt = firstIncompleteStep(draft, { minimumAge: referral.minimumAge }) ?? 'check';
  const chosen = chosenInterests(draft);
  const hasSent = outboxRecords.value.length > 0;
  return (
    <Page>
      <h1 tabIndex={-1}>{t('referral.start.title')}</h1>
      {query.deleted === '1' && (
        <p class="notice" role="status">
          {t('referral.start.deleted')}
        </p>
      )}
      {chosen.length > 0 && (
        <div class="referral__joining">
          <p>{t('referral.start.forActivity')}</p>
          <ul>
            {chosen.map((interest) => (
              <li key={interest.activityId}>
                <strong>{activityName(feed, interest)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('referral.start.intro', { hub })}</p>
      <p>{t('referral.start.whatWeAsk')}</p>
      {referral.responseDays !== undefined && <p>{t('referral.start.response', { count: referral.responseDays })}</p>}
      <p>{t('referral.start.kept')}</p>
      {!referral.endpoint && <p class="notice">{t('referral.start.noEndpoint')}</p>}
      {hasAnswers ? (
        <div class="referral__resume">
          <p>{t('referral.start.resume')}</p>
          <p class="button-group">
            <a class="button" href={`/refer/${resumeAt}`}>
              {t('referral.start.continue')}
            </a>
            <a href="/refer/delete?from=start">{t('referral.common.deleteAnswers')}</a>
          </p>
        </div>
      ) : (
        <p>
          <a
            class="button button--start"
            href="/refer/who"
            onClick={(event) => {
              event.preventDefault();
              route('/refer/who');
            }}
          >
            {t('referral.start.start')}
          </a>
        </p>
      )}
      <h2 class="subheading">{t('referral.start.orContact', { hub })}</h2>
      <ContactTheHub referral={referral} />
      {hasSent && (
        <p>
          <a href="/my-referrals">{t('referral.start.mine')}</a>
        </p>
      )}
    </Page>
  );
}

function NoReferralService() {
  usePageTitle(t('referral.start.title'));
  return (
    <Page>
      <h1 tabIndex={-1}>{t('referral.start.title')}</h1>
      <p>{t('referral.start.unavailable')}</p>
      <p>
        <a href="/">{t('referral.sent.home')}</a>
      </p>
    </Page>
  );
}

function NoSuchPage() {
  usePageTitle(t('notFound.title'));
  return (
    <Page>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>
        <a href="/refer">{t('referral.start.title')}</a>
      </p>
    </Page>
  );
}

// ---------- /refer/<step>: one question per page

function stepTitle(step: Step, draft: Answers, context: FlowContext): string {
  const isTheirs = draft.for === 'someone-else';
  const theirs = (key: string) => t(isTheirs ? `${key}Theirs` : key);
  switch (step) {
    case 'who':
      return t('referral.who.title');
    case 'permission':
      return t('referral.permission.title');
    case 'helper':
      return t(draft.for === 'helped' ? 'referral.helper.titleHelped' : 'referral.helper.titleSomeoneElse');
    case 'name':
      return theirs('referral.name.title');
    case 'contact':
      return theirs('referral.contact.title');
    case 'times':
      return t('referral.times.title');
    case 'language':
      return theirs('referral.language.title');
    case 'help':
      return t('referral.help.title');
    case 'needs':
      return t('referral.needs.title');
    case 'age':
      return t(isTheirs ? 'referral.age.titleTheirs' : 'referral.age.title', { age: context.minimumAge ?? 18 });
    case 'consent':
      return t('referral.consent.title');
    case 'check':
      return t('referral.check.title');
  }
}

/** Sends the person to an earlier question they have not answered yet (deep links, reloads, changed answers). */
function useEarlierQuestionFirst(step: Step, context: FlowContext): boolean {
  const { route } = useLocation();
  const draft = answers.value;
  const earlier = firstIncompleteStep(draft, context, step);
  const isOutOfFlow = !stepsFor(draft, context).includes(step);
  const target = earlier ?? (isOutOfFlow ? (firstIncompleteStep(draft, context) ?? 'check') : null);
  useEffect(() => {
    if (target && target !== step) route(`/refer/${target}`, true);
  }, [target, step]);
  return target !== null && target !== step;
}

function QuestionPage({ feed, referral, hub, step, context }: PageProps & { step: Exclude<Step, 'check'> }) {
  const { route, query } = useLocation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const draft = answers.value;
  const title = stepTitle(step, draft, context);
  usePageTitle(errors.length > 0 ? t('referral.common.errorTitle', { title }) : title);
  const isRedirecting = useEarlierQuestionFirst(step, context);
  const isChanging = query.change === '1';
  const previous = previousStep(step, draft, context);
  const backHref = isChanging ? '/refer/check' : previous ? `/refer/${previous}` : '/refer';
  if (isRedirecting) return null;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = validateStep(step, answers.value, context);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    if (step === 'consent') updateAnswers({ consentStatement: consentStatement(hub), consentAt: new Date().toISOString() });
    route(`/refer/${nextStep(step, answers.value, context, isChanging)}`);
  };

  return (
    <Page class={`referral--${step}`}>
      <BackTo href={backHref} />
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={onSubmit} class="referral__form">
        <QuestionFields step={step} draft={draft} errors={errors} feed={feed} referral={referral} hub={hub} title={title} />
        <button type="submit" class="button">
          {t('referral.common.continue')}
        </button>
      </form>
      <SavedNote from={step} />
    </Page>
  );
}

function consentStatement(hub: string): string {
  return [t('referral.consent.intro', { hub }), t('referral.consent.health'), t('referral.consent.share', { hub }), t('referral.consent.healthLabel', { hub })].join(' ');
}

function yesNo(): Choice<'yes' | 'no'>[] {
  return [
    { value: 'yes', label: t('referral.common.yes') },
    { value: 'no', label: t('referral.common.no') },
  ];
}

interface FieldsProps {
  step: Exclude<Step, 'check'>;
  draft: Answers;
  errors: readonly FieldError[];
  feed: Feed;
  referral: Referral;
  hub: string;
  title: string;
}

function QuestionFields({ step, draft, errors, feed, referral, hub, title }: FieldsProps) {
  const isTheirs = draft.for === 'someone-else';
  switch (step) {
    case 'who': {
      const choices: Choice<ReferralFor>[] = [
        { value: 'self', label: t('referral.who.self') },
        { value: 'someone-else', label: t('referral.who.someoneElse'), hint: t('referral.who.someoneElseHint') },
        { value: 'helped', label: t('referral.who.helped') },
      ];
      return <Radios name="for" legend={title} isPageHeading choices={choices} value={draft.for} onChange={(value) => updateAnswers({ for: value })} error={errorFor(errors, 'for-self')} />;
    }
    case 'permission':
      return (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <p>{t('referral.permission.body')}</p>
          <Confirmation id="permission" label={t('referral.permission.label')} checked={draft.hasPermission} onChange={(checked) => updateAnswers({ hasPermission: checked })} error={errorFor(errors, 'permission')} />
        </>
      );
    case 'helper': {
      const isHelped = draft.for === 'helped';
      const referrer = draft.referrer;
      const set = (change: Partial<Answers['referrer']>) => updateAnswers({ referrer: { ...answers.value.referrer, ...change } });
      return (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <p class="hint">{t(isHelped ? 'referral.helper.hintHelped' : 'referral.helper.hintSomeoneElse')}</p>
          <TextField id="referrer-name" label={t('referral.helper.name')} value={referrer.name} onInput={(name) => set({ name })} error={errorFor(errors, 'referrer-name')} autoComplete={isHelped ? 'off' : 'name'} spellcheck={false} />
          <TextField
            id="referrer-relationship"
            label={t(isHelped ? 'referral.helper.relationshipHelped' : 'referral.helper.relationship')}
            hint={t('referral.helper.relationshipHint')}
            value={referrer.relationship}
            onInput={(relationship) => set({ relationship })}
            error={errorFor(errors, 'referrer-relationship')}
          />
          <p class="hint">{t(isHelped ? 'referral.helper.contactHintHelped' : 'referral.helper.contactHint')}</p>
          <TextField id="referrer-phone" type="tel" label={t('referral.helper.phone')} value={referrer.phone} onInput={(phone) => set({ phone })} error={errorFor(errors, 'referrer-phone')} autoComplete={isHelped ? 'off' : 'tel'} width="short" />
          <TextField id="referrer-email" type="email" label={t('referral.helper.email')} value={referrer.email} onInput={(email) => set({ email })} error={errorFor(errors, 'referrer-email')} autoComplete={isHelped ? 'off' : 'email'} spellcheck={false} />
        </>
      );
    }
    case 'name':
      return (
        <>
          <TextField id="person-name" label={title} isPageHeading value={draft.name} onInput={(name) => updateAnswers({ name })} error={errorFor(errors, 'person-name')} autoComplete={isTheirs ? 'off' : 'name'} spellcheck={false} />
          <TextField
            id="postcode"
            label={t('referral.name.postcode')}
            hint={t(isTheirs ? 'referral.name.postcodeHintTheirs' : 'referral.name.postcodeHint')}
            value={draft.postcode}
            onInput={(postcode) => updateAnswers({ postcode })}
            error={errorFor(errors, 'postcode')}
            autoComplete={isTheirs ? 'off' : 'postal-code'}
            width="short"
            spellcheck={false}
          />
        </>
      );
    case 'contact': {
      const choices: Choice<ContactMethod>[] = CONTACT_METHODS.map((method) => ({ value: method, label: t(`referral.contact.${method}`) }));
      return (
        <>
          <Checkboxes name="method" legend={title} isPageHeading hint={t('referral.contact.hint')} choices={choices} values={draft.methods} onChange={(methods) => updateAnswers({ methods })} error={errorFor(errors, 'method-phone')} />
          {usesPhone(draft) && (
            <TextField id="phone" type="tel" label={t('referral.contact.phoneLabel')} hint={t('referral.contact.phoneHint')} value={draft.phone} onInput={(phone) => updateAnswers({ phone })} error={errorFor(errors, 'phone')} autoComplete={isTheirs ? 'off' : 'tel'} width="short" />
          )}
          {draft.methods.includes('email') && (
            <TextField id="email" type="email" label={t('referral.contact.emailLabel')} hint={t('referral.contact.emailHint')} value={draft.email} onInput={(email) => updateAnswers({ email })} error={errorFor(errors, 'email')} autoComplete={isTheirs ? 'off' : 'email'} spellcheck={false} />
          )}
        </>
      );
    }
    case 'times': {
      const choices: Choice<BestTime>[] = BEST_TIMES.map((time) => ({ value: time, label: t(`referral.times.${time}`) }));
      return (
        <>
          <Checkboxes name="time" legend={title} isPageHeading hint={t('referral.times.hint')} choices={choices} values={draft.bestTimes} onChange={(bestTimes) => updateAnswers({ bestTimes })} error={errorFor(errors, 'time-morning')} />
          {usesPhone(draft) && (
            <Radios
              name="message"
              legend={t('referral.times.leaveMessage')}
              hint={t('referral.times.leaveMessageHint')}
              choices={yesNo()}
              value={draft.canLeaveMessage}
              onChange={(canLeaveMessage) => updateAnswers({ canLeaveMessage })}
              error={errorFor(errors, 'message-yes')}
            />
          )}
        </>
      );
    }
    case 'language':
      return (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <LanguageSelect draft={draft} error={errorFor(errors, 'language')} />
          {draft.preferredLanguage === 'other' && (
            <TextField id="other-language" label={t('referral.language.otherLabel')} value={draft.otherLanguage} onInput={(otherLanguage) => updateAnswers({ otherLanguage })} error={errorFor(errors, 'other-language')} width="short" />
          )}
          <Radios
            name="interpreter"
            legend={t(isTheirs ? 'referral.language.interpreterTheirs' : 'referral.language.interpreter')}
            choices={yesNo()}
            value={draft.interpreter}
            onChange={(interpreter) => updateAnswers({ interpreter })}
            error={errorFor(errors, 'interpreter-yes')}
          />
        </>
      );
    case 'help':
      return <HelpFields draft={draft} errors={errors} feed={feed} title={title} />;
    case 'needs':
      return <TextArea id="needs" label={title} isPageHeading hint={t('referral.needs.hint')} value={draft.needs} onInput={(needs) => updateAnswers({ needs })} error={errorFor(errors, 'needs')} />;
    case 'age':
      return <Radios name="age" legend={title} isPageHeading choices={yesNo()} value={draft.meetsMinimumAge} onChange={(meetsMinimumAge) => updateAnswers({ meetsMinimumAge })} error={errorFor(errors, 'age-yes')} />;
    case 'consent':
      return (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <p>{t('referral.consent.intro', { hub })}</p>
          <p>{t('referral.consent.health')}</p>
          {referral.privacyNotice && (
            <p>
              <a href={referral.privacyNotice} target="_blank" rel="noopener noreferrer" class="external">
                {t('referral.consent.privacy', { hub })}
                <NeedsInternet />
                <span class="visually-hidden"> {t('app.opensInNewTab')}</span>
              </a>
            </p>
          )}
          <fieldset class="field">
            <legend class="legend">{t('referral.consent.legend')}</legend>
            <Confirmation id="consent-share" label={t('referral.consent.share', { hub })} checked={draft.consentShare} onChange={(consentShare) => updateAnswers({ consentShare })} error={errorFor(errors, 'consent-share')} />
            <Confirmation id="consent-health" label={t('referral.consent.healthLabel', { hub })} checked={draft.consentHealth} onChange={(consentHealth) => updateAnswers({ consentHealth })} error={errorFor(errors, 'consent-health')} />
          </fieldset>
        </>
      );
  }
}

function LanguageSelect({ draft, error }: { draft: Answers; error: FieldError | undefined }) {
  const codes = useMemo(() => [...LANGUAGE_CHOICES], []);
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      <label for="language">{t('referral.language.label')}</label>
      {error && (
        <p class="error-message" id="language-error">
          <span class="visually-hidden">{t('referral.common.errorPrefix')} </span>
          {t(`referral.errors.${error.key}`)}
        </p>
      )}
      <select
        id="language"
        name="language"
        class="input input--short"
        value={draft.preferredLanguage}
        onChange={(event) => updateAnswers({ preferredLanguage: event.currentTarget.value })}
        aria-describedby={error ? 'language-error' : undefined}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t('referral.language.choose')}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {languageName(code, language.value)}
          </option>
        ))}
        <option value="other">{t('referral.language.other')}</option>
      </select>
    </div>
  );
}

function HelpFields({ draft, errors, feed, title }: { draft: Answers; errors: readonly FieldError[]; feed: Feed; title: string }) {
  useEffect(() => void loadFavourites(), []);
  // The groups offered so far (the one they came from), then any favourites not yet offered.
  const saved = favourites.value;
  const savedIds = new Set(saved.map((favourite) => favourite.activityId));
  const options: Interest[] = [...draft.offered];
  for (const favourite of saved) {
    if (options.some((o) => o.activityId === favourite.activityId)) continue;
    const snapshot = favourite.snapshot;
    options.push({ activityId: favourite.activityId, name: pickText(snapshot.activity.name, snapshot.defaultLanguage, snapshot.defaultLanguage).text.slice(0, 200) });
  }
  // With groups on offer, 'choose a group or tell us' sits with the groups; without, with the text box.
  const missing = errors.find((error) => error.key === 'helpMissing');
  const groupError = options.length > 0 ? missing : undefined;
  const aboutError = errors.find((error) => error.key === 'aboutTooLong') ?? (options.length > 0 ? undefined : missing);
  const firstId = options[0] ? `interest-${options[0].activityId}` : null;
  const toggle = (interest: Interest, isChecked: boolean) => {
    if (isChecked) offerInterest(interest, true);
    else updateAnswers({ chosen: answers.value.chosen.filter((id) => id !== interest.activityId) });
  };
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p>{t('referral.help.intro')}</p>
      {groupError && (
        <p class="error-message" id="help-error">
          <span class="visually-hidden">{t('referral.common.errorPrefix')} </span>
          {t(`referral.errors.${groupError.key}`)}
        </p>
      )}
      {options.length > 0 ? (
        <fieldset class={`field ${groupError && firstId ? 'field--error' : ''}`} aria-describedby={groupError ? 'help-error' : undefined}>
          <legend class="legend">{t('referral.help.groups')}</legend>
          <div class="choices">
            {options.map((interest) => {
              const id = `interest-${interest.activityId}`;
              return (
                <div class="choice-item choice-item--checkbox" key={interest.activityId}>
                  <input type="checkbox" id={id} name="interest" value={interest.activityId} checked={draft.chosen.includes(interest.activityId)} onChange={(event) => toggle(interest, event.currentTarget.checked)} />
                  <label for={id}>
                    {activityName(feed, interest)}
                    {savedIds.has(interest.activityId) && <span class="referral__saved"> {t('referral.help.saved')}</span>}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : (
        <p class="hint">{t('referral.help.noGroups')}</p>
      )}
      <TextArea id="about" label={t('referral.help.about')} hint={t('referral.help.aboutHint')} value={draft.about} onInput={(about) => updateAnswers({ about })} error={aboutError} />
    </>
  );
}

// ---------- /refer/check

interface SummaryRow {
  step: Step;
  field: string;
  label: string;
  value: string;
}

function summaryRows(draft: Answers, feed: Feed, context: FlowContext): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const add = (step: Step, field: string, label: string, value: string) => rows.push({ step, field, label, value: value.trim() === '' ? t('referral.check.notGiven') : value });
  const yes = (value: 'yes' | 'no' | '') => (value === 'yes' ? t('referral.common.yes') : value === 'no' ? t('referral.common.no') : '');
  const steps = stepsFor(draft, context);
  const forLabel = draft.for === 'someone-else' ? t('referral.who.someoneElse') : draft.for === 'helped' ? t('referral.who.helped') : t('referral.who.self');
  add('who', 'for-self', t('referral.check.rows.for'), forLabel);
  if (steps.includes('permission')) add('permission', 'permission', t('referral.check.rows.permission'), draft.hasPermission ? t('referral.common.yes') : '');
  if (steps.includes('helper')) {
    const isHelped = draft.for === 'helped';
    add('helper', 'referrer-name', t(isHelped ? 'referral.check.rows.helperName' : 'referral.check.rows.referrerName'), draft.referrer.name);
    add('helper', 'referrer-relationship', t('referral.check.rows.relationship'), draft.referrer.relationship);
    add('helper', 'referrer-phone', t(isHelped ? 'referral.check.rows.helperPhone' : 'referral.check.rows.referrerPhone'), draft.referrer.phone);
    add('helper', 'referrer-email', t(isHelped ? 'referral.check.rows.helperEmail' : 'referral.check.rows.referrerEmail'), draft.referrer.email);
  }
  add('name', 'person-name', t('referral.check.rows.name'), draft.name);
  add('name', 'postcode', t('referral.check.rows.postcode'), normalisePostcode(draft.postcode) ?? draft.postcode);
  add('contact', 'method-phone', t('referral.check.rows.methods'), draft.methods.map((method) => t(`referral.contact.${method}`)).join(', '));
  if (usesPhone(draft)) add('contact', 'phone', t('referral.check.rows.phone'), draft.phone);
  if (draft.methods.includes('email')) add('contact', 'email', t('referral.check.rows.email'), draft.email);
  add('times', 'time-morning', t('referral.check.rows.times'), draft.bestTimes.map((time) => t(`referral.times.${time}`)).join(', '));
  if (usesPhone(draft)) add('times', 'message-yes', t('referral.check.rows.leaveMessage'), yes(draft.canLeaveMessage));
  const preferred = preferredLanguageOf(draft) ?? '';
  add('language', 'language', t('referral.check.rows.language'), draft.preferredLanguage === 'other' ? preferred : preferred && languageName(preferred, language.value));
  add('language', 'interpreter-yes', t('referral.check.rows.interpreter'), yes(draft.interpreter));
  const groups = chosenInterests(draft).map((interest) => activityName(feed, interest));
  add('help', draft.offered[0] ? `interest-${draft.offered[0].activityId}` : 'about', t('referral.check.rows.groups'), groups.length > 0 ? groups.join(', ') : t('referral.check.none'));
  add('help', 'about', t('referral.check.rows.about'), draft.about);
  add('needs', 'needs', t('referral.check.rows.needs'), draft.needs);
  if (steps.includes('age')) add('age', 'age-yes', t('referral.check.rows.age', { age: context.minimumAge }), yes(draft.meetsMinimumAge));
  add('consent', 'consent-share', t('referral.check.rows.consent'), draft.consentShare && draft.consentHealth ? t('referral.common.yes') : '');
  return rows;
}

function CheckPage({ feed, referral, hub, context }: PageProps) {
  const { route } = useLocation();
  const title = t('referral.check.title');
  usePageTitle(title);
  const isRedirecting = useEarlierQuestionFirst('check', context);
  const [isSaving, setIsSaving] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);
  const draft = answers.value;
  if (isRedirecting) return null;
  const rows = summaryRows(draft, feed, context);
  const previous = previousStep('check', draft, context);

  const send = async () => {
    if (isSaving) return;
    setIsSaving(true);
    setHasFailed(false);
    // The id is made once and kept with the answers, so pressing Send again (or after a crash) never makes a second referral.
    let id = answers.value.id;
    if (!id) {
      id = crypto.randomUUID();
      updateAnswers({ id });
    }
    const current = answers.value;
    const body = withoutUndefined(
      referralBody(current, { id, now: new Date(), locale: language.value, minimumAge: referral.minimumAge, appVersion: settings.appVersion, feedGenerated: feed.generated }),
    );
    const record: WaitingRecord = {
      id,
      status: 'pending',
      endpoint: new URL(referral.endpoint!, location.href).href,
      body,
      draft: current,
      createdAt: body.createdAt,
      interests: body.interests,
      attempts: 0,
      nextAttemptAt: 0,
      lastProblem: null,
      refusal: null,
      leaseOwner: null,
      leaseUntil: 0,
    };
    const isQueued = await queueReferral(record);
    setIsSaving(false);
    if (!isQueued) {
      setHasFailed(true);
      return;
    }
    deleteAnswers();
    route(`/refer/sent/${id}`);
  };

  return (
    <Page class="referral--check">
      <BackTo href={previous ? `/refer/${previous}` : '/refer'} />
      <h1 tabIndex={-1}>{title}</h1>
      <dl class="summary-list">
        {rows.map((row) => (
          <div class="summary-list__row" key={`${row.field}-${row.label}`}>
            <dt>{row.label}</dt>
            <dd class="summary-list__value" dir="auto">
              {row.value}
            </dd>
            <dd class="summary-list__action">
              <a href={`/refer/${row.step}?change=1`}>
                {t('referral.check.change')}
                <span class="visually-hidden"> {row.label}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      {referral.endpoint ? (
        <>
          <h2>{t('referral.check.sendTitle')}</h2>
          <p>{t('referral.check.sendBody', { hub })}</p>
          {hasFailed && (
            <div class="problem" role="alert">
              <p>{t('referral.check.storageFailed', { hub })}</p>
              <ContactTheHub referral={referral} />
            </div>
          )}
          <p role="status" class="status">
            {isSaving ? t('referral.check.saving') : ''}
          </p>
          <button type="button" class="button" onClick={() => void send()} aria-disabled={isSaving ? true : undefined}>
            {t('referral.check.send')}
          </button>
        </>
      ) : (
        <EmailInstead referral={referral} hub={hub} rows={rows} />
      )}
      <SavedNote from="check" />
    </Page>
  );
}

/** No endpoint in the feed: the person sends their answers themselves, by email or phone. Nothing leaves the app. */
function EmailInstead({ referral, hub, rows }: { referral: Referral; hub: string; rows: readonly SummaryRow[] }) {
  const text = summaryText(rows, t('referral.email.intro'));
  const address = referral.email && mailtoHref(referral.email) ? referral.email.trim() : null;
  const tel = referral.phone ? telHref(referral.phone) : null;
  return (
    <div class="referral__email">
      <h2>{t('referral.email.title', { hub })}</h2>
      <p class="notice">
        <strong>{t('referral.email.notSent', { hub })}</strong>
      </p>
      {address && (
        <p>
          <a class="button" href={`mailto:${address}?subject=${encodeURIComponent(t('referral.email.subject'))}&body=${encodeURIComponent(text)}`}>
            {t('referral.email.button')}
          </a>
        </p>
      )}
      {tel && (
        <p>
          {t('referral.email.phone', { hub })}{' '}
          <a href={tel} dir="ltr" lang="en">
            {referral.phone!.slice(0, 40)}
          </a>
        </p>
      )}
      <p>{t('referral.email.afterwards')}</p>
    </div>
  );
}

// ---------- /refer/delete and /refer/too-young

function DeletePage() {
  const { route, query } = useLocation();
  usePageTitle(t('referral.delete.title'));
  const from = query.from && (isStep(query.from) || query.from === 'too-young') ? `/refer/${query.from}` : '/refer';
  return (
    <Page>
      <BackTo href={from} />
      <h1 tabIndex={-1}>{t('referral.delete.title')}</h1>
      <p>{t('referral.delete.body')}</p>
      <p class="button-group">
        <button
          type="button"
          class="button button--warning"
          onClick={() => {
            deleteAnswers();
            route('/refer?deleted=1');
          }}
        >
          {t('referral.delete.confirm')}
        </button>
        <a href={from}>{t('referral.delete.cancel')}</a>
      </p>
    </Page>
  );
}

function TooYoungPage({ referral }: PageProps) {
  const age = referral.minimumAge ?? 18;
  usePageTitle(t('referral.tooYoung.title'));
  return (
    <Page>
      <BackTo href="/refer/age" />
      <h1 tabIndex={-1}>{t('referral.tooYoung.title')}</h1>
      <p>{t('referral.tooYoung.body', { age })}</p>
      <ul class="referral__options">
        <li>
          <a href="/?join=drop-in">{t('referral.tooYoung.dropIn')}</a>
        </li>
        <li>{t('referral.tooYoung.talk')}</li>
        <li>{t('referral.tooYoung.childline')}</li>
      </ul>
      <p>
        <a href="/refer/age">{t('referral.tooYoung.change')}</a>
      </p>
      <SavedNote from="too-young" />
    </Page>
  );
}

// ---------- /refer/sent/<id>: the confirmation

function SentPage({ referral, hub, id }: PageProps & { id: string }) {
  const { route } = useLocation();
  useEffect(() => void refreshOutbox(), [id]);
  const record = outboxRecords.value.find((r) => r.id === id);
  const status = outboxStatus.value;
  const title = !record ? t('referral.sent.titleWaiting') : record.status === 'delivered' ? t('referral.sent.titleDelivered') : record.status === 'refused' ? t('referral.sent.titleRefused') : t('referral.sent.titleWaiting');
  usePageTitle(title);
  if (!record) {
    return (
      <Page>
        <h1 tabIndex={-1}>{status === 'loading' ? t('referral.sent.loading') : t('referral.sent.missing')}</h1>
        <p>
          <a href="/my-referrals">{t('referral.sent.mine')}</a>
        </p>
      </Page>
    );
  }
  if (record.status === 'delivered') {
    return (
      <Page class="referral--sent">
        <div class="panel" role="status">
          <h1 tabIndex={-1}>{title}</h1>
          {record.reference ? (
            <p class="panel__reference">
              {t('referral.sent.reference')}
              <br />
              <strong dir="ltr">{record.reference}</strong>
            </p>
          ) : (
            <p>{t('referral.sent.noReference', { hub })}</p>
          )}
        </div>
        <h2>{t('referral.sent.nextTitle')}</h2>
        <p>{referral.responseDays !== undefined ? t('referral.sent.next', { hub, count: referral.responseDays }) : t('referral.sent.nextUnknown', { hub })}</p>
        <p>{t('referral.sent.talk')}</p>
        {referral.phone && <p>{t('referral.sent.phone', { phone: referral.phone.slice(0, 40) })}</p>}
        <p>{t('referral.sent.removed')}</p>
        <p>
          <a href="/my-referrals">{t('referral.sent.mine')}</a>
        </p>
        <p>
          <a href="/">{t('referral.sent.home')}</a>
        </p>
      </Page>
    );
  }
  if (record.status === 'refused') {
    return (
      <Page class="referral--sent">
        <h1 tabIndex={-1}>{title}</h1>
        <div class="problem" role="alert">
          <p>{t('referral.sent.refused', { hub })}</p>
          {record.refusal?.message && (
            <p>
              {t('referral.sent.reason')} <span dir="auto">{record.refusal.message}</span>
            </p>
          )}
        </div>
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              updateAnswers({ ...record.draft, id: record.id });
              route('/refer/check');
            }}
          >
            {t('referral.sent.correct')}
          </button>
        </p>
        <ContactTheHub referral={referral} />
      </Page>
    );
  }
  const message = !isOnline.value ? t('referral.sent.offline') : isSending.value || record.attempts === 0 ? t('referral.sent.sending') : t('referral.sent.retrying', { hub });
  return (
    <Page class="referral--sent">
      <h1 tabIndex={-1}>{title}</h1>
      <p class="notice notice--waiting" role="status">
        {message}
      </p>
      <p>{t('referral.sent.keepOpen')}</p>
      <p>
        <a href="/my-referrals">{t('referral.sent.mine')}</a>
      </p>
    </Page>
  );
}
