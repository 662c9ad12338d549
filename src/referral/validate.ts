// Pure checks for what people type: UK phone numbers, email addresses, postcodes. No DOM, no i18n: the steps turn a
// failed check into an error message.

/** A UK phone number written the way people write them, as the national form with no spaces ('01614960000'), or null. */
export function normaliseUkPhone(input: string): string | null {
  let digits = input.trim().replace(/[\s().-]/g, '');
  if (digits === '') return null;
  if (digits.startsWith('+44')) digits = digits.slice(3);
  else if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (!digits.startsWith('0')) return null;
  // '+44 (0)161 …' leaves a 0 after the country code.
  if (!digits.startsWith('0')) digits = `0${digits}`;
  // 01, 02, 03, 07 and 08 are the numbers a person can be called on: 0 and 10 digits, or 9 for some 01 and 08 numbers.
  return /^(?:0[237]\d{9}|0[18]\d{8,9})$/.test(digits) ? digits : null;
}

export function isUkPhone(input: string): boolean {
  return normaliseUkPhone(input) !== null;
}

/** A UK mobile (07…, but not 070 personal numbers or 076 pagers, except 07624 on the Isle of Man), which can receive texts. */
export function isUkMobile(input: string): boolean {
  const phone = normaliseUkPhone(input);
  return phone !== null && /^07(?:[1-57-9]\d{8}|624\d{6})$/.test(phone);
}

/** An address that could receive email: one @, a dotted domain of valid labels, no spaces, at most 254 characters. */
export function isEmail(input: string): boolean {
  const email = input.trim();
  if (email.length > 254 || /\s/.test(email)) return false;
  const at = email.lastIndexOf('@');
  if (at < 1 || email.indexOf('@') !== at) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) && /^[A-Za-z]{2,}$/.test(labels.at(-1) ?? '');
}

/** A full UK postcode ('OL8 1AA', 'ol81aa'), written the standard way, or null. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}
