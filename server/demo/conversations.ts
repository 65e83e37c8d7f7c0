// What happens on a ticket after it is opened: public replies, the requester's answers, internal notes,
// the resolution and the work logged. Texts are in the ticket's language; times follow the ticket's
// timeline (the first public reply is the first response, a request for information starts the pause).
import type { Comment, Worklog } from '../../shared/schemas/entities';
import type { Rng } from './prng';
import type { Lang, Topic } from './template-types';
import type { IsoClock } from './time';

type Desk = 'service' | 'help';
type Pool = Record<Desk, Record<Lang, readonly string[]>>;

const FIRST_REPLY: Pool = {
  service: {
    cs: [
      'Dobrý den,\n\nděkujeme za nahlášení. Požadavek řešíme a ozveme se nejpozději do konce dne.',
      'Dobrý den,\n\nticket jsme převzali. Můžete nám prosím potvrdit, zda se problém týká i kolegů?',
      'Dobrý den,\n\nna problému pracujeme. Pokud to bude potřeba, připojíme se k vašemu počítači vzdáleně – potvrďte prosím výzvu Quick Assist.',
    ],
    en: [
      'Hello,\n\nthanks for reporting this. We are on it and will update you by the end of the day.',
      'Hello,\n\nwe have picked up your ticket. Could you confirm whether colleagues are affected too?',
      'Hello,\n\nwe are looking into it and may connect to your computer remotely; please accept the Quick Assist prompt.',
    ],
  },
  help: {
    cs: [
      'Dobrý den,\n\nděkujeme za zprávu. Váš požadavek jsme zaevidovali a ozveme se do dvou pracovních dnů.',
      'Dobrý den,\n\nděkujeme, že jste se na nás obrátili. Případ jsme předali specialistům a budeme vás informovat.',
      'Dobrý den,\n\nověřili jsme vaše údaje a požadavek řešíme. Mezitím prosím uchovejte doklady o platbách.',
    ],
    en: [
      'Hello,\n\nthank you for your message. We have registered your request and will get back to you within two working days.',
      'Hello,\n\nthank you for contacting us. Your case is with our specialists and we will keep you informed.',
    ],
  },
};

const ASK_INFO: Pool = {
  service: {
    cs: [
      'Pro další postup potřebujeme snímek obrazovky s chybou a inventární číslo zařízení.',
      'Kdy vám můžeme poslat technika na místo? Napište prosím vhodný čas.',
      'Potřebujeme ještě souhlas vašeho vedoucího s přidělením přístupu.',
    ],
    en: [
      'To continue we need a screenshot of the error and the asset tag of the device.',
      'When could our technician come to your desk? Please suggest a time.',
      'We still need your manager\'s approval for this access.',
    ],
  },
  help: {
    cs: [
      'Pošlete nám prosím fotografii elektroměru s viditelným stavem a výrobním číslem.',
      'Potřebujeme doklad o platbě (výpis z účtu), abychom mohli platbu dohledat.',
      'Prosím potvrďte adresu odběrného místa a datum předání.',
    ],
    en: [
      'Please send us a photo of the meter showing the reading and the serial number.',
      'We need proof of payment (a bank statement) to trace the payment.',
      'Please confirm the supply address and the handover date.',
    ],
  },
};

const REQUESTER_REPLY: Pool = {
  service: {
    cs: ['Děkuji, snímek posílám v příloze.', 'Problém se dnes ráno objevil znovu.', 'Jsem v kanceláři do 16 hodin, můžete přijít kdykoli.', 'Týká se to i dvou kolegů vedle mě.'],
    en: ['Thanks, screenshot attached.', 'It happened again this morning.', 'I am in the office until 4 pm, come any time.', 'Two colleagues next to me have the same problem.'],
  },
  help: {
    cs: ['Fotku elektroměru posílám v příloze.', 'Výpis z účtu přikládám.', 'Děkuji, budu čekat na vaše vyjádření.', 'Už je to týden a pořád nic, prosím o urychlení.'],
    en: ['The meter photo is attached.', 'Bank statement attached.', 'Thank you, I will wait for your answer.', 'It has been a week now, please hurry.'],
  },
};

const INTERNAL: Pool = {
  service: {
    cs: ['Ověřeno v logu, chyba na straně klienta.', 'Předáno na L2, zkontrolovat konfiguraci.', 'Voláno uživateli, bez odpovědi. Zkusit znovu odpoledne.', 'Pravděpodobně souvisí s dnešní změnou na firewallu, sledovat.', 'Čeká se na dodávku dílu od výrobce.', 'Uživatel je VIP, držet informovaného.'],
    en: ['Checked the logs: client-side problem.', 'Passed to L2 to review the configuration.', 'Called the user, no answer. Try again this afternoon.', 'Probably related to today\'s firewall change; watching.', 'Waiting for a spare part from the vendor.'],
  },
  help: {
    cs: ['Zákazník ověřen (datum narození, adresa OM).', 'Předáno distributorovi, číslo poruchy doplním.', 'Kontrola platební historie – dvě platby ve stejný den potvrzeny.', 'Zákazník byl nepříjemný, eskalovat při dalším kontaktu.', 'Čeká se na odečet od distributora.'],
    en: ['Customer verified (date of birth, supply address).', 'Passed to the distributor; fault number to follow.', 'Payment history checked: two payments on the same day confirmed.', 'Waiting for the distributor\'s reading.'],
  },
};

const UPDATE: Pool = {
  service: {
    cs: ['Na řešení stále pracujeme, dodavatel slíbil opravu do zítřka.', 'Změnu jsme nasadili, prosím vyzkoušejte to.'],
    en: ['We are still working on it; the vendor promised a fix by tomorrow.', 'We have deployed a change, please try again.'],
  },
  help: {
    cs: ['Váš případ stále prověřujeme, omlouváme se za zdržení.', 'Opravné vyúčtování je v přípravě.'],
    en: ['We are still looking into your case, sorry for the delay.', 'A corrected bill is being prepared.'],
  },
};

// Service requests and alerts: what differs from the fault pools above.
const REQUEST_INTERNAL: Record<Lang, readonly string[]> = {
  cs: ['Čeká se na schválení vedoucího.', 'Objednáno u dodavatele, dodání do 5 pracovních dnů.', 'Termín domluven s uživatelem.', 'Ověřeno v katalogu služeb, lze splnit standardně.'],
  en: ['Waiting for the manager\'s approval.', 'Ordered from the supplier; delivery within 5 working days.', 'Date agreed with the user.', 'Checked against the service catalogue: standard fulfilment.'],
};
const REQUEST_UPDATE: Record<Lang, readonly string[]> = {
  cs: ['Požadavek je v řešení, termín dodání potvrdíme.', 'Vše je připraveno, potvrďte prosím termín předání.'],
  en: ['Your request is in progress; we will confirm the date.', 'Everything is ready; please confirm a handover time.'],
};
const ALERT_FIRST: Record<Lang, readonly string[]> = {
  cs: ['Alert potvrzen, prověřujeme.', 'Potvrzeno, kontrolujeme dostupnost služby.'],
  en: ['Acknowledged, investigating.', 'Acknowledged; checking the service.'],
};

const RESOLUTIONS: Partial<Record<Topic, Record<Lang, readonly string[]>>> = {
  printer: { cs: ['Vymazána fronta tisku a restartována tiskárna.', 'Vyměněna fixační jednotka, tiskárna tiskne.'], en: ['Cleared the print queue and restarted the printer.', 'Replaced the fuser unit; printing works.'] },
  vpn: { cs: ['Aktualizován klient VPN a vypnut úsporný režim síťové karty.'], en: ['Updated the VPN client and disabled adapter power saving.'] },
  email: { cs: ['Vytvořen nový profil Outlooku, pošta se stahuje.'], en: ['Created a new Outlook profile; mail flows again.'] },
  wifi: { cs: ['Restartován přístupový bod a obnoven certifikát RADIUS.'], en: ['Restarted the access point and renewed the RADIUS certificate.'] },
  erp: { cs: ['Uvolněn zámek období, uzávěrka doběhla.'], en: ['Released the period lock; closing completed.'] },
  password: { cs: ['Účet odemčen, heslo resetováno po ověření totožnosti.'], en: ['Account unlocked; password reset after identity check.'] },
  access: { cs: ['Přístup nastaven dle schválení vedoucího.'], en: ['Access granted as approved by the manager.'] },
  mfa: { cs: ['Metody MFA resetovány, uživatel zaregistroval nový telefon.'], en: ['MFA methods reset; the user registered the new phone.'] },
  workstation: { cs: ['Aktualizovány ovladače dokovací stanice.', 'Notebook přeinstalován z image.'], en: ['Updated the dock drivers.', 'Re-imaged the laptop.'] },
  outage: { cs: ['Obnoveno po zásahu poskytovatele konektivity.', 'Porucha odstraněna distributorem.'], en: ['Restored after the ISP fixed the line.', 'The distributor repaired the fault.'] },
  monitoring: { cs: ['Příčina odstraněna, alert odezněl.', 'Služba restartována, monitoring v pořádku.'], en: ['Root cause fixed; the alert cleared.', 'Restarted the service; monitoring is green.'] },
  billing: { cs: ['Vystaveno opravné vyúčtování podle skutečného odečtu.', 'Přeplatek vrácen na účet zákazníka.'], en: ['Issued a corrected bill from the actual reading.', 'Refunded the overpayment to the customer.'] },
  meter: { cs: ['Odečet opraven podle fotografie zákazníka.'], en: ['Corrected the reading from the customer\'s photo.'] },
  tariff: { cs: ['Žádost o změnu sazby podána distributorovi, schváleno.'], en: ['Tariff change filed with the distributor and approved.'] },
  payment_plan: { cs: ['Sjednán splátkový kalendář na 6 splátek.'], en: ['Agreed a payment plan of six instalments.'] },
  moving: { cs: ['Odběrné místo převedeno k datu stěhování.'], en: ['Transferred the supply point on the moving date.'] },
  outage_map: { cs: ['Porucha nahlášena distributorovi, dodávka obnovena.'], en: ['Fault reported to the distributor; supply restored.'] },
  portal: { cs: ['Účet v portálu odemčen, zákazníkovi zaslán odkaz pro nastavení hesla.'], en: ['Portal account unlocked; a password reset link was sent.'] },
  solar: { cs: ['Přetoky doplněny do vyúčtování po kontrole registru 2.8.0.'], en: ['Feed-in added to the bill after checking register 2.8.0.'] },
  advance: { cs: ['Výše zálohy upravena od příštího měsíce.'], en: ['Advance payment changed from next month.'] },
  complaint: { cs: ['Stížnost prošetřena, zákazníkovi zaslána písemná odpověď s omluvou.'], en: ['Complaint investigated; a written reply with an apology was sent.'] },
  teams: { cs: ['Vyčištěna mezipaměť Teams, hovory jsou stabilní.'], en: ['Cleared the Teams cache; calls are stable.'] },
  files: { cs: ['Obnoveno mapování disku a opravena oprávnění.'], en: ['Re-mapped the drive and fixed the permissions.'] },
  onboarding: { cs: ['Pracoviště připraveno, účty založeny, technika předána.'], en: ['Workstation ready, accounts created, equipment handed over.'] },
  training: { cs: ['Školení proběhlo, materiály zaslány účastníkům.'], en: ['Session held; materials sent to the attendees.'] },
};

const GENERIC_RESOLUTION: Record<Desk, Record<Lang, readonly string[]>> = {
  service: { cs: ['Vyřešeno, uživatel potvrdil funkčnost.', 'Požadavek splněn.'], en: ['Fixed; the user confirmed it works.', 'Request fulfilled.'] },
  help: { cs: ['Zákazníkovi poskytnuty informace, dotaz zodpovězen.'], en: ['Information given; question answered.'] },
};

const CLOSING: Record<Lang, string> = {
  cs: 'Pokud potíže přetrvávají, odpovězte prosím na tuto zprávu do 3 dnů, jinak požadavek uzavřeme.',
  en: 'If the problem persists, please reply within 3 days; otherwise we will close the request.',
};

const WORK: Record<Desk, Record<'remote' | 'onSite', Record<Lang, readonly string[]>>> = {
  service: {
    remote: { cs: ['Vzdálená diagnostika přes Quick Assist.', 'Úprava oprávnění v AD.', 'Analýza logů a konfigurace.', 'Komunikace s dodavatelem.'], en: ['Remote diagnosis over Quick Assist.', 'Adjusted AD permissions.', 'Analysed logs and configuration.', 'Liaised with the vendor.'] },
    onSite: { cs: ['Výjezd na místo, výměna fixační jednotky.', 'Kontrola kabeláže a přepojení portu na switchi.', 'Instalace a zapojení pracoviště.', 'Výměna dokovací stanice.'], en: ['On site: replaced the fuser unit.', 'Checked cabling and re-patched the switch port.', 'Set up the workstation at the desk.', 'Swapped the docking station.'] },
  },
  help: {
    remote: { cs: ['Hovor se zákazníkem, ověření odečtu.', 'Kontrola platební historie.', 'Příprava opravného vyúčtování.', 'Komunikace s distributorem.'], en: ['Call with the customer; reading checked.', 'Checked the payment history.', 'Prepared a corrected bill.', 'Liaised with the distributor.'] },
    onSite: { cs: ['Návštěva odběrného místa.'], en: ['Visited the supply point.'] },
  },
};

export function resolutionText(rng: Rng, desk: Desk, topic: Topic, lang: Lang): string {
  const own = RESOLUTIONS[topic];
  return rng.pick(own ? own[lang] : GENERIC_RESOLUTION[desk][lang]);
}

const GREETING: Record<Lang, string> = { cs: 'S pozdravem', en: 'Kind regards' };

/** The ticket's timeline as the conversation needs it (epoch ms; null where it did not happen). */
export type ConversationInput = {
  ticketId: string;
  desk: Desk;
  /** Service requests read differently from faults, and monitoring is not greeted. */
  kind: 'fault' | 'request' | 'alert';
  lang: Lang;
  /** When an agent acts between two instants (Help Desk agents only in business hours). */
  agentTime: (fromMs: number, toMs: number, share: number) => number;
  /** Whether the desk has been open since the ticket came in (the Help Desk closes nights and weekends). */
  deskWasOpen: boolean;
  createdMs: number;
  firstResponseMs: number | null;
  pendingFromMs: number | null;
  resolvedMs: number | null;
  resolution: string | null;
  /** The end of activity: resolution, or now for open tickets. */
  endMs: number;
  agent: { id: string; name: string };
  noteAuthorId: string;
  onSite: boolean;
};

/** Appends the ticket's comments (0–5) and worklogs to the output arrays, in time order. */
// Replies are pool texts signed by one of a few dozen agents: each signed text is built once and shared,
// which keeps a 100,000-ticket data set hundreds of megabytes lighter.
const signedCache = new Map<string, Map<string, string>>();
function signed(text: string, lang: Lang, agentName: string): string {
  let byAgent = signedCache.get(text);
  if (!byAgent) signedCache.set(text, (byAgent = new Map()));
  let body = byAgent.get(agentName);
  if (body === undefined) byAgent.set(agentName, (body = `${text}\n\n${GREETING[lang]}\n${agentName}`));
  return body;
}

const closingCache = new Map<string, string>();
function withClosing(resolution: string, lang: Lang): string {
  let text = closingCache.get(resolution);
  if (text === undefined) closingCache.set(resolution, (text = `${resolution} ${CLOSING[lang]}`));
  return text;
}

type Entry = { ms: number; authorId: string | null; body: string; visibility: 'public' | 'internal' };

export function converse(rng: Rng, iso: IsoClock, x: ConversationInput, comments: Comment[], worklogs: Worklog[]): void {
  const { desk, lang } = x;
  const entries: Entry[] = [];
  if (x.firstResponseMs === null) {
    // Nobody has answered yet; an agent may have left a note while triaging.
    if (x.deskWasOpen && rng.chance(0.3)) {
      entries.push({ ms: x.agentTime(x.createdMs, x.endMs, rng.next()), authorId: x.noteAuthorId, body: rng.pick(INTERNAL[desk][lang]), visibility: 'internal' });
    }
  } else {
    const first = x.kind === 'alert' ? rng.pick(ALERT_FIRST[lang]) : signed(rng.pick(FIRST_REPLY[desk][lang]), lang, x.agent.name);
    entries.push({ ms: x.firstResponseMs, authorId: x.agent.id, body: first, visibility: 'public' });
    const request = x.kind === 'request' && desk === 'service';
    const fixed = (x.pendingFromMs !== null ? 1 : 0) + (x.resolvedMs !== null ? 1 : 0);
    const extra = rng.int(0, 4 - fixed);
    // While the ticket waits on the requester nothing more happens, so the talk ends where the wait begins.
    const until = x.pendingFromMs ?? x.endMs;
    for (let i = 0; i < extra; i++) {
      const share = rng.next();
      const kind = x.kind === 'alert' ? 0 : rng.next();
      if (kind < 0.4) {
        const body = rng.pick(request ? REQUEST_INTERNAL[lang] : INTERNAL[desk][lang]);
        entries.push({ ms: x.agentTime(x.firstResponseMs, until, share), authorId: x.noteAuthorId, body, visibility: 'internal' });
      } else if (kind < 0.75) {
        entries.push({ ms: x.firstResponseMs + (until - x.firstResponseMs) * share, authorId: null, body: rng.pick(REQUESTER_REPLY[desk][lang]), visibility: 'public' });
      } else {
        const body = signed(rng.pick(request ? REQUEST_UPDATE[lang] : UPDATE[desk][lang]), lang, x.agent.name);
        entries.push({ ms: x.agentTime(x.firstResponseMs, until, share), authorId: x.agent.id, body, visibility: 'public' });
      }
    }
    if (x.pendingFromMs !== null) entries.push({ ms: x.pendingFromMs, authorId: x.agent.id, body: signed(rng.pick(ASK_INFO[desk][lang]), lang, x.agent.name), visibility: 'public' });
    if (x.resolvedMs !== null) {
      const text = x.resolution === null ? CLOSING[lang] : withClosing(x.resolution, lang);
      entries.push({ ms: x.resolvedMs, authorId: x.agent.id, body: signed(text, lang, x.agent.name), visibility: 'public' });
    }
  }
  // A stable insertion sort: a handful of entries, and ties keep their order.
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    let j = i - 1;
    while (j >= 0 && entries[j]!.ms > e.ms) {
      entries[j + 1] = entries[j]!;
      j--;
    }
    entries[j + 1] = e;
  }
  for (const e of entries) comments.push({ id: rng.uuid(), ticketId: x.ticketId, authorId: e.authorId, body: e.body, visibility: e.visibility, createdAt: iso(e.ms) });
  if (x.firstResponseMs === null) return;

  if (rng.chance(x.onSite ? 0.9 : 0.35)) {
    const count = rng.int(1, 3);
    const notes = WORK[x.desk][x.onSite ? 'onSite' : 'remote'][x.lang];
    for (let i = 0; i < count; i++) {
      const minutes = x.onSite ? rng.int(3, 16) * 15 : rng.int(1, 12) * 5;
      const startedMs = x.agentTime(x.firstResponseMs, Math.max(x.firstResponseMs, x.endMs - minutes * 60_000), rng.next());
      worklogs.push({
        id: rng.uuid(),
        ticketId: x.ticketId,
        agentId: x.agent.id,
        minutes,
        note: rng.pick(notes),
        onSite: x.onSite,
        startedAt: iso(startedMs),
        createdAt: iso(Math.min(startedMs + minutes * 60_000, x.endMs)),
      });
    }
  }
}
