// Makes large, realistic, valid activity feeds (format 1) for benchmarks: the same count and seed always
// give the same feed. CLI: `tsx scripts/bench/generate-feed.ts COUNT OUT.json [SEED]`.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as v from 'valibot';
import type { ActivitySchema, CategorySchema, DayCode, OrganisationSchema, PlaceSchema, SessionSchema, TextSchema, VenueSchema } from '../../src/feed/schema';

type TextJson = v.InferInput<typeof TextSchema>;
type CategoryJson = v.InferInput<typeof CategorySchema>;
type OrganisationJson = v.InferInput<typeof OrganisationSchema>;
type VenueJson = v.InferInput<typeof VenueSchema>;
type ActivityJson = v.InferInput<typeof ActivitySchema>;
type PlaceJson = v.InferInput<typeof PlaceSchema>;
type SessionJson = v.InferInput<typeof SessionSchema>;

export interface GeneratedFeed {
  format: 'activity-feed';
  version: 1;
  generated: string;
  sample: boolean;
  defaultLanguage: string;
  area: { name: string; timeZone: string; centre: { lat: number; lng: number }; zoom: number; places: PlaceJson[] };
  referral: { hub: string; endpoint: string; email: string; phone: string; minimumAge: number; responseDays: number };
  categories: CategoryJson[];
  organisations: OrganisationJson[];
  venues: VenueJson[];
  activities: ActivityJson[];
}

export interface GenerateOptions {
  /** The day the feed is 'generated' (YYYY-MM-DD); schedules and `checked` dates are placed around it. */
  today?: string;
}

/** The default `today`: the same moment the unit-test fixtures use, so sessions lie ahead of it. */
export const GENERATED_ON = '2026-11-20';

// mulberry32: small, fast and good enough to make varied test data; not for anything secret.
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function chance(random: Random, p: number): boolean {
  return random() < p;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A few distinct items of `list`, in list order. */
function some<T>(random: Random, list: readonly T[], min: number, max: number): T[] {
  const count = between(random, min, Math.min(max, list.length));
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(random, list));
  return list.filter((item) => chosen.has(item));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function time(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Places: Oldham's neighbourhoods and towns around Greater Manchester, all within 40 km of Oldham so
// the checker's 'venue far from the centre' warning stays quiet.

interface GeneratedPlace extends PlaceJson {
  name: string;
  postcodeDistricts: string[];
}

const PLACES: readonly GeneratedPlace[] = [
  { id: 'oldham-town-centre', name: 'Oldham town centre', postcodeDistricts: ['OL1'], lat: 53.5426, lng: -2.1142 },
  { id: 'werneth', name: 'Werneth', postcodeDistricts: ['OL8'], lat: 53.5361, lng: -2.1322 },
  { id: 'coldhurst', name: 'Coldhurst', postcodeDistricts: ['OL1'], lat: 53.55, lng: -2.12 },
  { id: 'glodwick', name: 'Glodwick', postcodeDistricts: ['OL4'], lat: 53.537, lng: -2.098 },
  { id: 'chadderton', name: 'Chadderton', postcodeDistricts: ['OL9'], lat: 53.546, lng: -2.142 },
  { id: 'royton', name: 'Royton', postcodeDistricts: ['OL2'], lat: 53.566, lng: -2.121 },
  { id: 'shaw', name: 'Shaw and Crompton', postcodeDistricts: ['OL2'], lat: 53.577, lng: -2.093 },
  { id: 'failsworth', name: 'Failsworth', postcodeDistricts: ['M35'], lat: 53.509, lng: -2.156 },
  { id: 'hollinwood', name: 'Hollinwood', postcodeDistricts: ['OL8'], lat: 53.518, lng: -2.145 },
  { id: 'fitton-hill', name: 'Fitton Hill', postcodeDistricts: ['OL8'], lat: 53.53, lng: -2.096 },
  { id: 'lees', name: 'Lees', postcodeDistricts: ['OL4'], lat: 53.538, lng: -2.072 },
  { id: 'saddleworth', name: 'Saddleworth', postcodeDistricts: ['OL3'], lat: 53.549, lng: -2.006 },
  { id: 'rochdale', name: 'Rochdale', postcodeDistricts: ['OL11', 'OL12', 'OL16'], lat: 53.6153, lng: -2.1552 },
  { id: 'middleton', name: 'Middleton', postcodeDistricts: ['M24'], lat: 53.554, lng: -2.201 },
  { id: 'heywood', name: 'Heywood', postcodeDistricts: ['OL10'], lat: 53.592, lng: -2.219 },
  { id: 'bury', name: 'Bury', postcodeDistricts: ['BL8', 'BL9'], lat: 53.5933, lng: -2.2966 },
  { id: 'ramsbottom', name: 'Ramsbottom', postcodeDistricts: ['BL0'], lat: 53.648, lng: -2.316 },
  { id: 'bolton', name: 'Bolton', postcodeDistricts: ['BL1', 'BL2', 'BL3'], lat: 53.578, lng: -2.429 },
  { id: 'westhoughton', name: 'Westhoughton', postcodeDistricts: ['BL5'], lat: 53.549, lng: -2.524 },
  { id: 'wigan', name: 'Wigan', postcodeDistricts: ['WN1', 'WN5', 'WN6'], lat: 53.545, lng: -2.632 },
  { id: 'leigh', name: 'Leigh', postcodeDistricts: ['WN7'], lat: 53.497, lng: -2.515 },
  { id: 'salford', name: 'Salford', postcodeDistricts: ['M5', 'M6', 'M7'], lat: 53.4875, lng: -2.2901 },
  { id: 'manchester-city-centre', name: 'Manchester city centre', postcodeDistricts: ['M1', 'M2', 'M4'], lat: 53.4794, lng: -2.2453 },
  { id: 'cheetham-hill', name: 'Cheetham Hill', postcodeDistricts: ['M8'], lat: 53.508, lng: -2.24 },
  { id: 'longsight', name: 'Longsight', postcodeDistricts: ['M12', 'M13'], lat: 53.458, lng: -2.2 },
  { id: 'moss-side', name: 'Moss Side', postcodeDistricts: ['M14'], lat: 53.46, lng: -2.24 },
  { id: 'stockport', name: 'Stockport', postcodeDistricts: ['SK1', 'SK2', 'SK3'], lat: 53.4106, lng: -2.1575 },
  { id: 'ashton-under-lyne', name: 'Ashton-under-Lyne', postcodeDistricts: ['OL6', 'OL7'], lat: 53.488, lng: -2.098 },
  { id: 'stalybridge', name: 'Stalybridge', postcodeDistricts: ['SK15'], lat: 53.484, lng: -2.059 },
  { id: 'hyde', name: 'Hyde', postcodeDistricts: ['SK14'], lat: 53.451, lng: -2.079 },
  { id: 'glossop', name: 'Glossop', postcodeDistricts: ['SK13'], lat: 53.443, lng: -1.949 },
  { id: 'sale', name: 'Sale', postcodeDistricts: ['M33'], lat: 53.425, lng: -2.323 },
  { id: 'altrincham', name: 'Altrincham', postcodeDistricts: ['WA14', 'WA15'], lat: 53.387, lng: -2.349 },
  { id: 'stretford', name: 'Stretford', postcodeDistricts: ['M32'], lat: 53.446, lng: -2.309 },
  { id: 'wilmslow', name: 'Wilmslow', postcodeDistricts: ['SK9'], lat: 53.326, lng: -2.232 },
  { id: 'warrington', name: 'Warrington', postcodeDistricts: ['WA1', 'WA2'], lat: 53.39, lng: -2.597 },
  { id: 'blackburn', name: 'Blackburn', postcodeDistricts: ['BB1', 'BB2'], lat: 53.748, lng: -2.482 },
  { id: 'burnley', name: 'Burnley', postcodeDistricts: ['BB10', 'BB11', 'BB12'], lat: 53.789, lng: -2.248 },
  { id: 'rawtenstall', name: 'Rawtenstall', postcodeDistricts: ['BB4'], lat: 53.7, lng: -2.289 },
  { id: 'todmorden', name: 'Todmorden', postcodeDistricts: ['OL14'], lat: 53.713, lng: -2.097 },
];
/** Oldham's own neighbourhoods come first in PLACES and get more venues, as in an Oldham hub's feed. */
const OLDHAM_PLACES = 12;

const CATEGORIES: readonly CategoryJson[] = [
  { id: 'walking', name: { en: 'Walking groups', ur: 'پیدل چلنے کے گروپ', bn: 'হাঁটার দল', pl: 'Grupy spacerowe' } },
  { id: 'social', name: { en: 'Social groups and coffee mornings', ur: 'سماجی گروپ اور صبح کی کافی', bn: 'সামাজিক দল ও সকালের আড্ডা', pl: 'Spotkania towarzyskie' } },
  { id: 'craft', name: { en: 'Arts and crafts', ur: 'فنون اور دستکاری', bn: 'শিল্প ও কারুশিল্প', pl: 'Rękodzieło i sztuka' } },
  { id: 'family', name: { en: 'Families and young children', ur: 'خاندان اور چھوٹے بچے', bn: 'পরিবার ও ছোট শিশু', pl: 'Rodziny i małe dzieci' } },
  { id: 'sport', name: { en: 'Sport and exercise', ur: 'کھیل اور ورزش', bn: 'খেলাধুলা ও ব্যায়াম', pl: 'Sport i ruch' } },
  { id: 'cookery', name: { en: 'Cooking and food', ur: 'کھانا پکانا', bn: 'রান্না ও খাবার', pl: 'Gotowanie i jedzenie' } },
  { id: 'bereavement', name: { en: 'Bereavement support', ur: 'سوگ میں مدد', bn: 'শোকে সহায়তা', pl: 'Wsparcie w żałobie' } },
  { id: 'employment', name: { en: 'Work and skills', ur: 'روزگار اور ہنر', bn: 'কাজ ও দক্ষতা', pl: 'Praca i umiejętności' } },
  { id: 'learning', name: { en: 'Learning and languages', ur: 'سیکھنا اور زبانیں', bn: 'শেখা ও ভাষা', pl: 'Nauka i języki' } },
  { id: 'gardening', name: { en: 'Gardening and nature', ur: 'باغبانی اور فطرت', bn: 'বাগান ও প্রকৃতি', pl: 'Ogrodnictwo i przyroda' } },
  { id: 'arts', name: { en: 'Music, dance and art', ur: 'موسیقی، رقص اور فن', bn: 'সঙ্গীত, নাচ ও শিল্প', pl: 'Muzyka, taniec i sztuka' } },
  { id: 'wellbeing', name: { en: 'Mental wellbeing', ur: 'ذہنی صحت', bn: 'মানসিক সুস্থতা', pl: 'Zdrowie psychiczne' } },
  { id: 'carers', name: { en: 'Support for carers', ur: 'دیکھ بھال کرنے والوں کے لیے مدد', bn: 'পরিচর্যাকারীদের সহায়তা', pl: 'Wsparcie dla opiekunów' } },
  { id: 'money', name: { en: 'Money and benefits advice', ur: 'پیسے اور مراعات کے بارے میں مشورہ', bn: 'অর্থ ও ভাতা বিষয়ে পরামর্শ', pl: 'Porady finansowe' } },
];

type Part = 'morning' | 'afternoon' | 'evening';

interface Template {
  name: string;
  translations?: { ur: string; bn: string; pl: string };
  summary: string;
  categories: string[];
  parts: Part[];
  gender?: 'women' | 'men';
  tags?: string[];
  childcare?: number;
}

const TEMPLATES: readonly Template[] = [
  {
    name: 'Knit and Natter',
    translations: { ur: 'بنائی اور گپ شپ', bn: 'বোনা ও আড্ডা', pl: 'Robótki i pogaduszki' },
    summary: 'Bring your knitting, or learn, over a cup of tea.',
    categories: ['craft', 'social'],
    parts: ['morning', 'afternoon'],
  },
  {
    name: 'Stay and Play',
    translations: { ur: 'آئیں اور کھیلیں', bn: 'থাকুন ও খেলুন', pl: 'Zabawy dla maluchów' },
    summary: 'Play, songs and stories for under-fives and their grown-ups.',
    categories: ['family'],
    parts: ['morning'],
    tags: ['parents-under-5s'],
    childcare: 1,
  },
  {
    name: 'Walking for Health',
    translations: { ur: 'صحت کے لیے پیدل چلنا', bn: 'স্বাস্থ্যের জন্য হাঁটা', pl: 'Spacery dla zdrowia' },
    summary: 'A friendly, gentle walk of about an hour, led by trained volunteers.',
    categories: ['walking'],
    parts: ['morning'],
  },
  {
    name: 'Coffee Morning',
    translations: { ur: 'صبح کی کافی', bn: 'সকালের কফি আড্ডা', pl: 'Poranna kawa' },
    summary: 'Drop in for a hot drink, a biscuit and a chat.',
    categories: ['social'],
    parts: ['morning'],
  },
  {
    name: "Women's Swimming",
    translations: { ur: 'خواتین کی تیراکی', bn: 'মহিলাদের সাঁতার', pl: 'Pływanie dla kobiet' },
    summary: 'A women-only session with female lifeguards; all abilities welcome.',
    categories: ['sport'],
    parts: ['evening'],
    gender: 'women',
  },
  {
    name: 'Cook and Eat',
    translations: { ur: 'پکائیں اور کھائیں', bn: 'রান্না করুন ও খান', pl: 'Gotuj i jedz' },
    summary: 'Cook a healthy meal on a budget together, then sit down and share it.',
    categories: ['cookery', 'social'],
    parts: ['afternoon'],
  },
  {
    name: 'Bereavement Café',
    summary: 'A quiet space to talk with others who have lost someone close.',
    categories: ['bereavement'],
    parts: ['afternoon'],
    tags: ['bereaved'],
  },
  { name: 'Job Club', summary: 'Help with CVs, applications and interviews, with computers to use.', categories: ['employment'], parts: ['morning', 'afternoon'] },
  {
    name: 'English Conversation Club',
    translations: { ur: 'انگریزی بات چیت کلب', bn: 'ইংরেজি কথোপকথন ক্লাব', pl: 'Klub konwersacji po angielsku' },
    summary: 'Practise speaking English in a relaxed group and make new friends.',
    categories: ['learning', 'social'],
    parts: ['morning', 'evening'],
    tags: ['new-to-area'],
    childcare: 0.3,
  },
  { name: 'Community Garden', summary: 'Grow vegetables and flowers with your neighbours; no experience needed.', categories: ['gardening'], parts: ['morning', 'afternoon'] },
  { name: 'Art Club', summary: 'Painting and drawing for beginners and improvers; materials provided.', categories: ['arts', 'craft'], parts: ['afternoon'] },
  { name: "Men's Shed", summary: 'Woodwork, repairs and a brew in a friendly workshop.', categories: ['social', 'craft'], parts: ['afternoon'], gender: 'men' },
  { name: "Carers' Café", summary: 'Time out and support for people looking after a relative or friend.', categories: ['carers', 'social'], parts: ['morning'], tags: ['carers'] },
  { name: 'Memory Café', summary: 'A friendly afternoon for people living with dementia and their carers.', categories: ['social', 'carers'], parts: ['afternoon'], tags: ['carers'] },
  { name: 'Walking Football', summary: 'Football at walking pace for over-50s and anyone returning to sport.', categories: ['sport'], parts: ['evening'] },
  { name: 'Chair Yoga', summary: 'Gentle stretches and breathing, seated or standing.', categories: ['sport', 'wellbeing'], parts: ['morning'] },
  { name: 'Sewing Circle', summary: 'Mend, alter and make clothes together; machines available.', categories: ['craft'], parts: ['afternoon'], gender: 'women', childcare: 0.4 },
  { name: 'Digital Drop-in', summary: 'Help with phones, tablets, email and online forms.', categories: ['learning'], parts: ['afternoon'] },
  {
    name: "Women's Wellbeing Group",
    translations: { ur: 'خواتین کی فلاح و بہبود کا گروپ', bn: 'মহিলাদের সুস্থতা দল', pl: 'Grupa wsparcia dla kobiet' },
    summary: 'A safe space for women to talk, relax and learn ways to feel better, with a creche.',
    categories: ['wellbeing', 'social'],
    parts: ['morning'],
    gender: 'women',
    childcare: 0.8,
  },
  { name: 'Tai Chi', summary: 'Slow, flowing movement to improve balance and calm the mind.', categories: ['sport', 'wellbeing'], parts: ['morning'] },
  { name: 'Community Choir', summary: 'Sing well-known songs together; no auditions and no need to read music.', categories: ['arts'], parts: ['evening'] },
  { name: 'Money Advice Drop-in', summary: 'Free, confidential advice on benefits, debts and bills.', categories: ['money'], parts: ['morning'] },
  { name: 'Parent and Baby Yoga', summary: 'Gentle yoga for parents with babies up to crawling age.', categories: ['family', 'sport'], parts: ['morning'], tags: ['parents-under-5s'], childcare: 1 },
  { name: 'Friendship Lunch', summary: 'A hot two-course lunch and good company.', categories: ['social', 'cookery'], parts: ['afternoon'] },
  { name: "Men's Mental Health Walk", summary: 'Walk and talk with other men; no pressure to say anything.', categories: ['walking', 'wellbeing'], parts: ['evening'], gender: 'men' },
  { name: 'Book Club', summary: 'Read a book a month and talk about it over tea.', categories: ['learning', 'social'], parts: ['evening', 'afternoon'] },
  {
    name: 'Bollywood Dance for Women',
    translations: { ur: 'خواتین کے لیے بالی وڈ ڈانس', bn: 'মহিলাদের জন্য বলিউড নাচ', pl: 'Taniec Bollywood dla kobiet' },
    summary: 'Energetic, fun dance to Bollywood hits; women only.',
    categories: ['arts', 'sport'],
    parts: ['evening'],
    gender: 'women',
    childcare: 0.3,
  },
  { name: 'Polish Community Club', translations: { ur: 'پولش کمیونٹی کلب', bn: 'পোলিশ কমিউনিটি ক্লাব', pl: 'Klub Polonii' }, summary: 'Meet other Polish speakers; advice, events and coffee.', categories: ['social'], parts: ['evening'] },
];

const VENUE_KINDS: readonly ((place: string) => string)[] = [
  (place) => `${place} Community Centre`,
  (place) => `${place} Library`,
  (place) => `St Mary's Church Hall, ${place}`,
  (place) => `${place} Leisure Centre`,
  (place) => `${place} Family Hub`,
  (place) => `${place} Methodist Church`,
  (place) => `${place} Central Mosque community rooms`,
  (place) => `${place} Park pavilion`,
  (place) => `The Old Co-op, ${place}`,
  (place) => `${place} Children's Centre`,
];
const ACCESSIBILITY = ['step-free', 'accessible-toilet', 'hearing-loop', 'parking', 'baby-changing', 'quiet-space'] as const;
const ORGANISATIONS = [
  'Action Together',
  'Age UK',
  'Mind',
  'Groundwork',
  'Positive Steps',
  'Oldham Carers Centre',
  'Home-Start',
  'Citizens Advice',
  'Active Communities Trust',
  'Women in Action',
  'Bangladeshi Women’s Network',
  'Polish Community Association',
];
const SPOKEN = ['ur', 'bn', 'pa', 'pl', 'ar', 'ro', 'gu'] as const;
const COST_NOTES = ['£2 including refreshments', '£3, lunch included', '£1 suggested donation', '£4 per session, first one free'];
const HOLIDAYS = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01', '2027-04-02', '2027-04-05'];
const DAYS: readonly DayCode[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const JOIN = ['drop-in', 'drop-in', 'drop-in', 'self-refer', 'contact-organiser', 'contact-organiser', 'professional-referral'] as const;

function startMinutes(random: Random, part: Part): number {
  if (part === 'morning') return between(random, 18, 23) * 30; // 09:00–11:30
  if (part === 'afternoon') return between(random, 24, 32) * 30; // 12:00–16:00
  return between(random, 34, 39) * 30; // 17:00–19:30
}

function timed(random: Random, part: Part): { start: string; end: string } {
  const start = startMinutes(random, part);
  return { start: time(start), end: time(start + pick(random, [60, 90, 120])) };
}

function weekly(random: Random, part: Part, today: string): SessionJson {
  const days = chance(random, 0.8) ? [pick(random, DAYS.slice(0, 6))] : some(random, DAYS.slice(0, 5), 2, 2);
  const session: SessionJson = { freq: 'weekly', days, ...timed(random, part) };
  if (chance(random, 0.15)) session.interval = 2;
  if (chance(random, 0.35) || session.interval === 2) {
    session.from = addDays(today, -between(random, 7, 300));
    if (chance(random, 0.6)) session.until = addDays(today, between(random, 60, 400));
  }
  if (chance(random, 0.2)) session.except = some(random, HOLIDAYS, 1, 3);
  return session;
}

function monthly(random: Random, part: Part): SessionJson {
  return { freq: 'monthly', days: [pick(random, DAYS)], weekOfMonth: pick(random, [1, 2, 3, 4, -1] as const), ...timed(random, part) };
}

function scheduleFor(random: Random, template: Template, today: string): SessionJson[] {
  const part = pick(random, template.parts);
  const r = random();
  if (r < 0.55) return [weekly(random, part, today)];
  if (r < 0.75) return [monthly(random, part)];
  if (r < 0.85) return [{ freq: 'once', date: addDays(today, between(random, 1, 90)), ...timed(random, part) }];
  if (r < 0.9) return []; // by arrangement
  return [weekly(random, part, today), chance(random, 0.5) ? monthly(random, pick(random, template.parts)) : weekly(random, pick(random, template.parts), today)];
}

function nameOf(random: Random, template: Template, place: string | undefined): TextJson {
  const english = place !== undefined && chance(random, 0.25) ? `${place} ${template.name}` : template.name;
  const translations = template.translations;
  if (translations === undefined || !chance(random, 0.4)) return english;
  const languages = some(random, ['ur', 'bn', 'pl'] as const, 1, 3);
  return Object.fromEntries([['en', english], ...languages.map((language) => [language, translations[language]])]) as Record<string, string>;
}

function postcodeIn(random: Random, district: string): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${district} ${between(random, 1, 9)}${pick(random, [...letters])}${pick(random, [...letters])}`;
}

/** A deterministic feed of `count` activities over about count/4 venues. */
export function generateFeed(count: number, seed = 1, options: GenerateOptions = {}): GeneratedFeed {
  const random = prng(seed);
  const today = options.today ?? GENERATED_ON;

  const placeForVenue = (): GeneratedPlace => (chance(random, 0.5) ? pick(random, PLACES.slice(0, OLDHAM_PLACES)) : pick(random, PLACES));
  const venueCount = Math.max(1, Math.round(count / 4));
  const venues: VenueJson[] = [];
  const venuePlaces: string[] = [];
  for (let i = 0; i < venueCount; i++) {
    const place = placeForVenue();
    const placeName = place.name;
    const name = pick(random, VENUE_KINDS)(placeName.replace(/ (town|city) centre$/, ''));
    const district = pick(random, place.postcodeDistricts);
    venues.push({
      id: `${slug(name).slice(0, 70)}-${i + 1}`,
      name,
      address: `${between(random, 1, 250)} ${pick(random, ['Church', 'Union', 'Market', 'Park', 'Manchester', 'Oldham', 'Station'])} ${pick(random, ['Street', 'Road', 'Lane'])}, ${placeName}`,
      postcode: postcodeIn(random, district),
      lat: Math.round((place.lat + (random() - 0.5) * 0.02) * 1e5) / 1e5,
      lng: Math.round((place.lng + (random() - 0.5) * 0.03) * 1e5) / 1e5,
      accessibility: some(random, ACCESSIBILITY, 0, 4),
    });
    venuePlaces.push(placeName.replace(/ (town|city) centre$/, ''));
  }

  const organisationCount = Math.max(ORGANISATIONS.length, Math.round(count / 40));
  const organisations: OrganisationJson[] = Array.from({ length: organisationCount }, (_, i) => {
    const base = ORGANISATIONS[i] ?? `${pick(random, PLACES).name} ${pick(random, ['Community Trust', 'Neighbourhood Network', 'Wellbeing Partnership', 'Friends Group'])}`;
    const organisation: OrganisationJson = { id: `${slug(base).slice(0, 70)}-${i + 1}`, name: base };
    if (chance(random, 0.7)) organisation.website = `https://example.org/${slug(base)}`;
    if (chance(random, 0.6)) organisation.phone = `0161 ${between(random, 100, 999)} ${between(random, 1000, 9999)}`;
    return organisation;
  });

  const activities: ActivityJson[] = [];
  for (let i = 0; i < count; i++) {
    const template = pick(random, TEMPLATES);
    const isOnlineOnly = chance(random, 0.04);
    const venueIndex = between(random, 0, venues.length - 1);
    const venue = venues[venueIndex];
    const place = isOnlineOnly ? undefined : venuePlaces[venueIndex];
    const name = nameOf(random, template, place);
    const english = typeof name === 'string' ? name : (name.en ?? template.name);
    const activity: ActivityJson = {
      id: `${slug(english).slice(0, 70)}-${i + 1}`,
      name,
      summary: template.summary,
      categories: template.categories,
      organisation: pick(random, organisations).id,
      schedule: scheduleFor(random, template, today),
      cost: chance(random, 0.7) ? { free: true } : { free: false, note: pick(random, COST_NOTES) },
      howToJoin: pick(random, JOIN),
      checked: addDays(today, chance(random, 0.97) ? -between(random, 0, 170) : -between(random, 200, 400)),
    };
    if (isOnlineOnly) activity.online = true;
    else {
      activity.venue = venue?.id;
      if (chance(random, 0.02)) activity.online = true; // hybrid: in a room and online
    }
    if (chance(random, 0.3)) activity.description = `${template.summary}\n\nEveryone is welcome. Ask at reception if you need help finding us.`;
    const gender = template.gender ?? (chance(random, 0.03) ? 'women' : undefined);
    const tags = template.tags ?? [];
    if (gender !== undefined || tags.length > 0 || chance(random, 0.3)) {
      activity.audience = { ...(chance(random, 0.5) ? { minAge: 18 } : {}), ...(gender ? { gender } : {}), tags };
    }
    if (chance(random, 0.95)) activity.languages = chance(random, 0.6) ? ['en'] : ['en', ...some(random, SPOKEN, 1, 2)];
    if (chance(random, template.childcare ?? 0.08)) activity.childcare = true;
    const status = random();
    if (status < 0.04) activity.status = 'paused';
    else if (status < 0.06) activity.status = 'cancelled';
    if (chance(random, 0.5)) activity.contact = { name: pick(random, ['Sam', 'Aisha', 'Tomasz', 'Rahima', 'Jo', 'Priya']), phone: `07700 ${between(random, 900000, 900999)}` };
    activities.push(activity);
  }

  return {
    format: 'activity-feed',
    version: 1,
    generated: `${today}T09:00:00Z`,
    sample: true,
    defaultLanguage: 'en',
    area: { name: 'Oldham', timeZone: 'Europe/London', centre: { lat: 53.5409, lng: -2.1114 }, zoom: 12, places: [...PLACES] },
    referral: {
      hub: 'Oldham Social Prescribing',
      endpoint: '/api/referrals',
      email: 'referrals@example.org',
      phone: '0161 000 0000',
      minimumAge: 18,
      responseDays: 5,
    },
    categories: [...CATEGORIES],
    organisations,
    venues,
    activities,
  };
}

function main(argv: readonly string[]): void {
  const [countArg, out, seedArg] = argv;
  const count = Number(countArg);
  const seed = seedArg === undefined ? 1 : Number(seedArg);
  if (!Number.isInteger(count) || count < 0 || out === undefined || !Number.isInteger(seed)) {
    process.stderr.write('Usage: tsx scripts/bench/generate-feed.ts COUNT OUT.json [SEED]\n');
    process.exit(2);
  }
  const json = JSON.stringify(generateFeed(count, seed));
  writeFileSync(out, json);
  process.stdout.write(`${out}: ${count} activities, ${(json.length / 1e6).toFixed(1)} MB\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
