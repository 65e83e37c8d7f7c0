// The per-ticket values a template may mention. Most templates use two or three of them, so each is
// drawn only when first read (and then kept for the rest of the ticket); one instance is reused for all
// tickets. Reading order is fixed by the template's code, so the draws stay deterministic.
import { czechPeople, englishPeople } from './people';
import type { Rng } from './prng';
import type { Lang, TextCtx } from './template-types';

const MONTHS: Record<Lang, readonly string[]> = {
  cs: ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ROOMS = ['3.02 Vltava', '2.14 Sázava', 'Morava', 'Velká zasedačka', '1.05 Ohře', '4.01 Berounka'];
const SOFTWARE = ['Adobe Acrobat Pro', 'AutoCAD LT', 'Power BI Desktop', 'Visual Studio Code', 'Notepad++', '7-Zip', 'Zoom', 'Microsoft Project'];
const STREETS = ['Husova', 'Masarykova', 'Palackého', 'Nádražní', 'Školní', 'Komenského', 'Zahradní', 'Lipová', 'Sokolská', 'Jiráskova'];
const CITIES = ['Praha 4', 'Brno', 'Ostrava', 'Plzeň', 'Olomouc', 'Liberec', 'Kladno', 'Zlín', 'Pardubice', 'Jihlava'];

function formatAmount(a: number, lang: Lang): string {
  const thousands = Math.floor(a / 1000);
  const rest = String(a % 1000).padStart(3, '0');
  if (thousands === 0) return lang === 'cs' ? `${a} Kč` : `CZK ${a}`;
  return lang === 'cs' ? `${thousands} ${rest} Kč` : `CZK ${thousands},${rest}`;
}

export type Fixed = Pick<TextCtx, 'lang' | 'name' | 'first' | 'female' | 'location' | 'dept' | 'asset' | 'erp' | 'domain' | 'account'>;

export class LazyText implements TextCtx {
  lang: Lang = 'cs';
  name = '';
  first = '';
  female = false;
  location = '';
  dept = '';
  asset = '';
  erp = '';
  domain = '';
  account = '';
  #rng: Rng;
  #person: string | null = null;
  #floor = 0;
  #room: string | null = null;
  #software: string | null = null;
  #n = 0;
  #amount: string | null = null;
  #month: string | null = null;
  #meter: string | null = null;
  #street: string | null = null;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  /** Starts a new ticket: the fixed values given, every drawn value forgotten. */
  reset(fixed: Fixed): this {
    this.lang = fixed.lang;
    this.name = fixed.name;
    this.first = fixed.first;
    this.female = fixed.female;
    this.location = fixed.location;
    this.dept = fixed.dept;
    this.asset = fixed.asset;
    this.erp = fixed.erp;
    this.domain = fixed.domain;
    this.account = fixed.account;
    this.#person = this.#room = this.#software = this.#amount = this.#month = this.#meter = this.#street = null;
    this.#floor = this.#n = 0;
    return this;
  }

  get person(): string {
    return (this.#person ??= this.#rng.pick(this.lang === 'cs' ? czechPeople() : englishPeople()).name);
  }
  get floor(): number {
    return this.#floor || (this.#floor = this.#rng.int(1, 6));
  }
  get room(): string {
    return (this.#room ??= this.#rng.pick(ROOMS));
  }
  get software(): string {
    return (this.#software ??= this.#rng.pick(SOFTWARE));
  }
  get n(): number {
    return this.#n || (this.#n = this.#rng.int(2, 11));
  }
  get amount(): string {
    return (this.#amount ??= formatAmount(this.#rng.int(8, 250) * 100 + this.#rng.int(0, 9) * 10, this.lang));
  }
  get month(): string {
    return (this.#month ??= this.#rng.pick(MONTHS[this.lang]));
  }
  get meter(): string {
    return (this.#meter ??= String(this.#rng.int(10_000_000, 99_999_999)));
  }
  get street(): string {
    return (this.#street ??= `${this.#rng.pick(STREETS)} ${this.#rng.int(1, 120)}, ${this.#rng.pick(CITIES)}`);
  }
}
