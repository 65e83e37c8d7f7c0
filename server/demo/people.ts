// Names for requesters, customers and agents. Czech surnames take the feminine form with a feminine
// first name (Novák → Nováková), so the pairs are kept together rather than mixed freely.
import type { Rng } from './prng';

export type Person = {
  first: string;
  last: string;
  name: string;
  /** Lower-case ASCII "first.last", the usual local part of a work e-mail address. */
  handle: string;
  language: 'cs' | 'en';
  /** Czech verbs agree with the speaker ("spletl" / "spletla"). */
  female: boolean;
};

const CZ_MALE = [
  'Jan', 'Petr', 'Josef', 'Pavel', 'Martin', 'Tomáš', 'Jaroslav', 'Jiří', 'Miroslav', 'Zdeněk', 'Václav', 'Michal',
  'František', 'Jakub', 'Lukáš', 'Ondřej', 'David', 'Karel', 'Vojtěch', 'Filip', 'Adam', 'Matěj', 'Radek', 'Marek',
  'Daniel', 'Roman', 'Libor', 'Vladimír', 'Stanislav', 'Aleš',
];
const CZ_FEMALE = [
  'Jana', 'Marie', 'Eva', 'Hana', 'Anna', 'Lenka', 'Kateřina', 'Lucie', 'Věra', 'Alena', 'Petra', 'Veronika',
  'Jaroslava', 'Tereza', 'Martina', 'Michaela', 'Zuzana', 'Ivana', 'Monika', 'Markéta', 'Barbora', 'Klára', 'Eliška',
  'Kristýna', 'Simona', 'Pavla', 'Dagmar', 'Helena', 'Šárka', 'Renata',
];
const CZ_SURNAMES: readonly (readonly [string, string])[] = [
  ['Novák', 'Nováková'], ['Svoboda', 'Svobodová'], ['Novotný', 'Novotná'], ['Dvořák', 'Dvořáková'], ['Černý', 'Černá'],
  ['Procházka', 'Procházková'], ['Kučera', 'Kučerová'], ['Veselý', 'Veselá'], ['Horák', 'Horáková'], ['Němec', 'Němcová'],
  ['Marek', 'Marková'], ['Pospíšil', 'Pospíšilová'], ['Pokorný', 'Pokorná'], ['Hájek', 'Hájková'], ['Král', 'Králová'],
  ['Jelínek', 'Jelínková'], ['Růžička', 'Růžičková'], ['Beneš', 'Benešová'], ['Fiala', 'Fialová'], ['Sedláček', 'Sedláčková'],
  ['Doležal', 'Doležalová'], ['Zeman', 'Zemanová'], ['Kolář', 'Kolářová'], ['Navrátil', 'Navrátilová'], ['Čermák', 'Čermáková'],
  ['Vaněk', 'Vaňková'], ['Urban', 'Urbanová'], ['Blažek', 'Blažková'], ['Kříž', 'Křížová'], ['Kovář', 'Kovářová'],
  ['Bartoš', 'Bartošová'], ['Vlček', 'Vlčková'], ['Polák', 'Poláková'], ['Musil', 'Musilová'], ['Kopecký', 'Kopecká'],
  ['Šimek', 'Šimková'], ['Konečný', 'Konečná'], ['Malý', 'Malá'], ['Holub', 'Holubová'], ['Štěpánek', 'Štěpánková'],
];
const EN_FIRST: readonly (readonly [string, boolean])[] = [
  ['James', false], ['Oliver', false], ['Emma', true], ['Sophie', true], ['Daniel', false], ['Sarah', true],
  ['Michael', false], ['Laura', true], ['Thomas', false], ['Emily', true], ['David', false], ['Hannah', true],
  ['Andrew', false], ['Chloe', true], ['Mark', false], ['Rachel', true], ['Peter', false], ['Lucy', true],
  ['George', false], ['Anna', true],
];
const EN_LAST = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
  'Robinson', 'Thompson', 'White', 'Hughes', 'Green', 'Hall', 'Clarke', 'Baker', 'Turner',
];

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function ascii(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

function person(first: string, last: string, language: 'cs' | 'en', female: boolean): Person {
  return { first, last, name: `${first} ${last}`, handle: `${ascii(first)}.${ascii(last)}`, language, female };
}

// Every combination is built once, so picking a person per ticket is a single draw with no string work.
let czech: Person[] | null = null;
let english: Person[] | null = null;

export function czechPeople(): readonly Person[] {
  if (!czech) {
    czech = [];
    for (const [male, female] of CZ_SURNAMES) {
      for (const first of CZ_MALE) czech.push(person(first, male, 'cs', false));
      for (const first of CZ_FEMALE) czech.push(person(first, female, 'cs', true));
    }
  }
  return czech;
}

export function englishPeople(): readonly Person[] {
  if (!english) {
    english = [];
    for (const last of EN_LAST) for (const [first, female] of EN_FIRST) english.push(person(first, last, 'en', female));
  }
  return english;
}

/** Mostly Czech names, with the share of English speakers a Czech workplace or customer base has. */
export function randomPerson(rng: Rng, englishShare: number): Person {
  return rng.chance(englishShare) ? rng.pick(englishPeople()) : rng.pick(czechPeople());
}

const MOBILE_PREFIXES = ['601', '602', '603', '604', '605', '606', '607', '608', '702', '721', '722', '723', '724', '725', '728', '731', '732', '736', '737', '739', '773', '774', '775', '776', '777', '792'];
const FREEMAIL = ['seznam.cz', 'email.cz', 'gmail.com', 'centrum.cz', 'post.cz', 'outlook.com', 'volny.cz'];

export function czechMobile(rng: Rng): string {
  return `+420 ${rng.pick(MOBILE_PREFIXES)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

export function privateEmail(rng: Rng, p: Person): string {
  const suffix = rng.chance(0.4) ? String(rng.int(1, 99)) : '';
  return `${p.handle}${suffix}@${rng.pick(FREEMAIL)}`;
}
