// The demo's two businesses: a Czech IT service provider whose Service Desk serves four client
// organisations, and the Help Desk hotline of an energy supplier. The Organization schema carries
// departments, locations and services; the richer profile (assets, mail domain, ERP) stays here and
// feeds the ticket texts and configuration items.
import type { Organization } from '../../shared/schemas/entities';
import type { Customer, Employee } from '../../shared/schemas/ticket';
import { czechMobile, privateEmail, randomPerson, type Person } from './people';
import { table, type Rng } from './prng';

export const TIME_ZONE = 'Europe/Prague';

export type AssetKind = 'printer' | 'server' | 'network' | 'laptop';

export type ClientProfile = {
  name: string;
  domain: string;
  /** The client's ERP as the service catalogue names it (SAP at some clients, Helios at others). */
  erp: string;
  departments: readonly string[];
  locations: readonly string[];
  services: readonly string[];
  assets: Readonly<Record<AssetKind, readonly string[]>>;
  /** Share of the Service Desk's tickets this client raises. */
  weight: number;
};

/** Services every client takes from the provider; the templates may name any of them. */
export const CORE_SERVICES = [
  'VPN', 'E-mail', 'Printing', 'Wi-Fi', 'Active Directory', 'MFA', 'Workstations', 'File shares', 'Microsoft Teams', 'Monitoring',
] as const;

export const CLIENTS: readonly ClientProfile[] = [
  {
    name: 'Vltavská strojírna a.s.',
    domain: 'vltavska-strojirna.cz',
    erp: 'SAP S/4HANA',
    departments: ['Výroba', 'Konstrukce', 'Nákup', 'Logistika', 'Ekonomické oddělení', 'Personální oddělení', 'Obchod'],
    locations: ['Praha – centrála Smíchov', 'Plzeň – závod Borská pole', 'Tábor – sklad'],
    services: [...CORE_SERVICES, 'SAP S/4HANA', 'CAD licence server', 'Telephony'],
    assets: {
      printer: ['PRN-PHA-2NP-01', 'PRN-PHA-3NP-01', 'PRN-PHA-3NP-02', 'PRN-PLZ-HALA-02', 'PRN-TAB-01'],
      server: ['SRV-SAP-01', 'SRV-SAP-02', 'SRV-FS-01', 'SRV-DC-01', 'SRV-BKP-01', 'SRV-CAD-01'],
      network: ['FW-PHA-01', 'SW-PHA-CORE-01', 'AP-PHA-3NP-04', 'AP-PLZ-HALA-03', 'VPN-GW-VS-01'],
      laptop: ['NB-VS-0412', 'NB-VS-0587', 'NB-VS-0733', 'NB-VS-0815', 'NB-VS-0921', 'PC-VS-1104'],
    },
    weight: 35,
  },
  {
    name: 'Moravská logistika s.r.o.',
    domain: 'moravska-logistika.cz',
    erp: 'Helios Green',
    departments: ['Dispečink', 'Sklad', 'Fakturace', 'Obchod', 'Vedení společnosti'],
    locations: ['Brno – centrála Slatina', 'Olomouc – překladiště Holice', 'Ostrava – sklad Hrabová'],
    services: [...CORE_SERVICES, 'Helios Green', 'Fleet tracking', 'Handheld scanners'],
    assets: {
      printer: ['PRN-BRN-1NP-01', 'PRN-BRN-2NP-01', 'PRN-OLO-SKLAD-01', 'PRN-OVA-EXP-02'],
      server: ['SRV-HEL-01', 'SRV-FS-BRN', 'SRV-DC-BRN', 'SRV-WMS-01'],
      network: ['FW-BRN-01', 'SW-BRN-CORE', 'AP-OLO-SKLAD-02', 'AP-OVA-SKLAD-05', 'VPN-GW-ML-01'],
      laptop: ['NB-ML-1021', 'NB-ML-1130', 'NB-ML-1177', 'TAB-ML-0042', 'PC-ML-0300'],
    },
    weight: 25,
  },
  {
    name: 'Pojišťovna Horizont a.s.',
    domain: 'horizont-pojistovna.cz',
    erp: 'SAP ECC',
    departments: ['Likvidace pojistných událostí', 'Obchodní síť', 'Call centrum', 'Právní oddělení', 'Finance', 'Marketing'],
    locations: ['Praha – centrála Pankrác', 'Hradec Králové – pobočka', 'České Budějovice – pobočka', 'Liberec – pobočka'],
    services: [...CORE_SERVICES, 'SAP ECC', 'Policy administration', 'Telephony'],
    assets: {
      printer: ['PRN-PNK-5NP-01', 'PRN-PNK-6NP-02', 'PRN-HK-01', 'PRN-CB-01', 'PRN-LB-01'],
      server: ['SRV-SAP-HZ-01', 'SRV-POL-01', 'SRV-FS-HZ', 'SRV-DC-HZ-01', 'SRV-BKP-HZ'],
      network: ['FW-PNK-01', 'SW-PNK-CORE', 'AP-PNK-5NP-02', 'AP-HK-01', 'VPN-GW-HZ-01'],
      laptop: ['NB-HZ-2201', 'NB-HZ-2288', 'NB-HZ-2345', 'NB-HZ-2410', 'PC-HZ-3001'],
    },
    weight: 25,
  },
  {
    name: 'Pivovar Černý Kohout a.s.',
    domain: 'cernykohout.cz',
    erp: 'Helios Orange',
    departments: ['Varna', 'Stáčírna', 'Expedice', 'Obchod', 'Účtárna'],
    locations: ['Rakovník – pivovar', 'Praha – obchodní kancelář Vinohrady'],
    services: [...CORE_SERVICES, 'Helios Orange', 'Brewhouse SCADA'],
    assets: {
      printer: ['PRN-RAK-ADM-01', 'PRN-RAK-EXP-01', 'PRN-VIN-01'],
      server: ['SRV-HEL-CK', 'SRV-FS-CK', 'SRV-SCADA-01'],
      network: ['FW-RAK-01', 'AP-RAK-STAC-02', 'AP-VIN-01', 'VPN-GW-CK-01'],
      laptop: ['NB-CK-0101', 'NB-CK-0144', 'NB-CK-0178', 'PC-CK-0201'],
    },
    weight: 15,
  },
];

export const ENERGY_PRODUCTS = [
  'Elektřina – domácnost D02d',
  'Elektřina – tepelné čerpadlo D57d',
  'Plyn – domácnost',
  'Fotovoltaika – výkup přetoků',
  'Nabíjení elektromobilů',
  'Zákaznický portál',
  'Mobilní aplikace',
] as const;

export const SUPPLIER = {
  name: 'Jiskra Energie a.s.',
  domain: 'jiskra-energie.cz',
  departments: ['Zákaznická linka', 'Fakturace', 'Technická podpora', 'Reklamace', 'Smlouvy a tarify'],
  locations: ['Call centrum Praha – Karlín', 'Call centrum Ostrava', 'Zákaznické centrum Brno'],
};

export function buildOrganizations(rng: Rng): { clients: Organization[]; supplier: Organization } {
  const clients = CLIENTS.map((c): Organization => ({
    id: rng.uuid(),
    name: c.name,
    desk: 'service',
    timeZone: TIME_ZONE,
    departments: [...c.departments],
    locations: [...c.locations],
    services: [...c.services],
  }));
  const supplier: Organization = {
    id: rng.uuid(),
    name: SUPPLIER.name,
    desk: 'help',
    timeZone: TIME_ZONE,
    departments: [...SUPPLIER.departments],
    locations: [...SUPPLIER.locations],
    services: [...ENERGY_PRODUCTS],
  };
  return { clients, supplier };
}

export type EmployeeRecord = { person: Person; requester: Employee };

/** A client's staff who raise tickets: the same people come back, as they do at a real desk. */
export function employeePool(rng: Rng, org: Organization, profile: ClientProfile, size: number): EmployeeRecord[] {
  const pool: EmployeeRecord[] = [];
  const taken = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const person = randomPerson(rng, 0.12);
    // Namesakes get numbered addresses, as mail administrators do it.
    const seen = taken.get(person.handle) ?? 0;
    taken.set(person.handle, seen + 1);
    pool.push({
      person,
      requester: {
        kind: 'employee',
        name: person.name,
        email: `${person.handle}${seen > 0 ? String(seen + 1) : ''}@${profile.domain}`,
        organizationId: org.id,
        department: rng.chance(0.95) ? rng.pick(profile.departments) : null,
        location: rng.pick(profile.locations),
      },
    });
  }
  return pool;
}

export type CustomerRecord = { person: Person; requester: Customer; product: string };

const TIERS = ['standard', 'gold', 'platinum'] as const;
const CONTRACT_PRODUCTS = table<string>([
  [ENERGY_PRODUCTS[0], 50], [ENERGY_PRODUCTS[1], 15], [ENERGY_PRODUCTS[2], 20], [ENERGY_PRODUCTS[3], 10], [ENERGY_PRODUCTS[4], 5],
]);

/** The supplier's customers: account number, tier and (usually) a contract for one product. */
export function customerPool(rng: Rng, size: number): CustomerRecord[] {
  const pool: CustomerRecord[] = [];
  for (let i = 0; i < size; i++) {
    const person = randomPerson(rng, 0.05);
    const x = rng.next();
    const tier = TIERS[x < 0.8 ? 0 : x < 0.95 ? 1 : 2]!;
    const product = rng.draw(CONTRACT_PRODUCTS);
    const contractPrefix = product.startsWith('Plyn') ? 'PL' : product.startsWith('Foto') ? 'FV' : product.startsWith('Nab') ? 'EV' : 'EL';
    pool.push({
      person,
      product,
      requester: {
        kind: 'customer',
        name: person.name,
        phone: rng.chance(0.9) ? czechMobile(rng) : null,
        email: rng.chance(0.75) ? privateEmail(rng, person) : null,
        accountNumber: String(1_000_000_000 + i * 7919 + rng.int(0, 7918)),
        tier,
        contract: rng.chance(0.9) ? `${contractPrefix}-${rng.int(2015, 2025)}-${String(rng.int(1, 999_999)).padStart(6, '0')}` : null,
      },
    });
  }
  return pool;
}
