// Knowledge-base content: one entry per topic, each written in Czech and English with a few alternative
// titles. The generator turns every (title, language) into an article, so the first ~150 are all distinct.
import type { Topic } from './template-types';

export type ArticleText = { titles: readonly string[]; intro: string; steps: readonly string[]; tip: string };

export type ArticleTopic = {
  topic: Topic;
  desk: 'service' | 'help' | 'both';
  category: string;
  tags: readonly string[];
  link: { cs: string; en: string; url: string };
  cs: ArticleText;
  en: ArticleText;
};

const PORTAL = 'https://portal.switchboard.example';
const SUPPLIER = 'https://www.jiskra-energie.example';

export const ARTICLE_TOPICS: readonly ArticleTopic[] = [
  {
    topic: 'printer', desk: 'service', category: 'Printing', tags: ['printer', 'troubleshooting'],
    link: { cs: 'Seznam tiskáren podle lokality', en: 'Printers by location', url: `${PORTAL}/kb/printers` },
    cs: {
      titles: ['Tiskárna netiskne', 'Tiskárna hlásí chybu 49.4C02', 'Výměna toneru a hlášení spotřebního materiálu'],
      intro: 'Když tiskárna netiskne, bývá příčinou zaseknutá fronta, chybějící papír nebo ztracené síťové spojení. Většinu případů vyřeší uživatel sám během pár minut.',
      steps: ['Zkontrolujte displej tiskárny a zapište si kód chyby.', 'Ověřte papír ve všech zásobnících a zavřete všechna dvířka.', 'Ve Windows otevřete **Nastavení → Tiskárny** a zrušte zaseknuté úlohy ve frontě.', 'Tiskárnu vypněte, počkejte 30 sekund a zapněte ji.', 'Pokud tiskárna na síti stále chybí, založte ticket s kódem chyby a názvem tiskárny (např. PRN-PHA-3NP-01).'],
      tip: 'Chyba 49.xxxx obvykle znamená poškozenou tiskovou úlohu – stačí vymazat frontu.',
    },
    en: {
      titles: ['Printer shows offline', 'Clearing a paper jam', 'Replacing toner and reporting supplies'],
      intro: 'A printer that shows offline has usually lost its network connection or has a stuck job. Most cases can be fixed by the user in a few minutes.',
      steps: ['Check the printer display and note any error code.', 'Make sure all trays have paper and all doors are closed.', 'In Windows open **Settings → Printers** and cancel stuck jobs.', 'Switch the printer off, wait 30 seconds and switch it on.', 'If it is still offline, open a ticket with the error code and the printer name (e.g. PRN-PHA-3NP-01).'],
      tip: 'Error 49.xxxx usually means a corrupt print job: clearing the queue fixes it.',
    },
  },
  {
    topic: 'vpn', desk: 'service', category: 'Network', tags: ['vpn', 'home-office'],
    link: { cs: 'Stažení klienta VPN', en: 'Download the VPN client', url: `${PORTAL}/downloads/vpn` },
    cs: {
      titles: ['VPN se odpojuje nebo nepřipojí', 'Nastavení VPN pro práci z domova', 'Chyba ověření při připojení k VPN'],
      intro: 'Firemní VPN vyžaduje platné heslo, ověření MFA a stabilní připojení k internetu. Časté odpojování způsobuje hlavně úsporný režim Wi-Fi nebo zastaralý klient.',
      steps: ['Ověřte, že vám funguje internet bez VPN (otevřete libovolnou webovou stránku).', 'Aktualizujte klienta VPN na nejnovější verzi z portálu.', 'Vypněte úsporný režim síťové karty v **Správci zařízení**.', 'Odhlaste se z VPN, restartujte počítač a připojte se znovu.', 'Pokud problém trvá, pošlete nám log klienta (**Nápověda → Exportovat protokol**).'],
      tip: 'Při chybě ověření nejdřív zkontrolujte, zda vám nevypršelo heslo.',
    },
    en: {
      titles: ['VPN keeps disconnecting', 'Setting up VPN for working from home', 'VPN authentication failed'],
      intro: 'The company VPN needs a valid password, MFA approval and a stable Internet connection. Frequent drops are mostly caused by Wi-Fi power saving or an outdated client.',
      steps: ['Check that the Internet works without the VPN.', 'Update the VPN client from the portal.', 'Turn off power saving for the network adapter in **Device Manager**.', 'Disconnect, restart the computer and connect again.', 'If it persists, send us the client log (**Help → Export log**).'],
      tip: 'On an authentication error, first check whether your password has expired.',
    },
  },
  {
    topic: 'password', desk: 'both', category: 'Accounts & Access', tags: ['password-reset', 'self-service'],
    link: { cs: 'Samoobslužná změna hesla', en: 'Self-service password reset', url: `${PORTAL}/password` },
    cs: {
      titles: ['Obnovení zapomenutého hesla', 'Odblokování účtu v doméně', 'Zásady pro hesla'],
      intro: 'Heslo si můžete obnovit sami přes samoobslužný portál, pokud máte zaregistrovaný telefon. Agent smí heslo resetovat jen po ověření totožnosti volajícího.',
      steps: ['Otevřete samoobslužný portál a zvolte **Zapomenuté heslo**.', 'Zadejte uživatelské jméno a potvrďte kód z SMS nebo aplikace.', 'Zvolte nové heslo (alespoň 14 znaků, nesmí se opakovat posledních 10).', 'Po změně se odhlaste a přihlaste na všech zařízeních, včetně telefonu.'],
      tip: 'Účet se zablokuje po 5 chybných pokusech a odemkne se sám po 30 minutách.',
    },
    en: {
      titles: ['Resetting a forgotten password', 'Unlocking a domain account', 'Password policy'],
      intro: 'You can reset your password yourself in the self-service portal if a phone is registered. An agent may reset it only after verifying the caller.',
      steps: ['Open the self-service portal and choose **Forgot password**.', 'Enter your user name and confirm the code from the SMS or the app.', 'Choose a new password (at least 14 characters, none of the last 10).', 'Sign out and in again on every device, including your phone.'],
      tip: 'An account locks after 5 wrong attempts and unlocks itself after 30 minutes.',
    },
  },
  {
    topic: 'access', desk: 'service', category: 'Accounts & Access', tags: ['access', 'approval'],
    link: { cs: 'Formulář žádosti o přístup', en: 'Access request form', url: `${PORTAL}/requests/access` },
    cs: {
      titles: ['Žádost o přístup k aplikaci nebo složce', 'Schvalování přístupů vedoucím', 'Přístup pro externího dodavatele'],
      intro: 'Přístup k datům a aplikacím přidělujeme jen se souhlasem vlastníka dat, obvykle vedoucího oddělení. Žádost bez schválení nelze vyřídit.',
      steps: ['Vyplňte formulář žádosti o přístup na portálu.', 'Uveďte aplikaci nebo cestu ke složce a požadovanou roli (čtení/zápis).', 'Do kopie přidejte schvalovatele.', 'Po schválení přístup nastavíme do jednoho pracovního dne.'],
      tip: 'Externisté dostávají přístup vždy s datem konce platnosti.',
    },
    en: {
      titles: ['Requesting access to an application or folder', 'Manager approval of access requests', 'Access for external contractors'],
      intro: 'Access to data and applications is granted only with the data owner\'s approval, usually the head of the department.',
      steps: ['Fill in the access request form in the portal.', 'Name the application or folder path and the role (read/write).', 'Add the approver in copy.', 'Once approved, access is set up within one working day.'],
      tip: 'Contractors always get access with an expiry date.',
    },
  },
  {
    topic: 'outage', desk: 'both', category: 'Outages', tags: ['outage', 'major-incident'],
    link: { cs: 'Stav služeb', en: 'Service status', url: `${PORTAL}/status` },
    cs: {
      titles: ['Postup při rozsáhlém výpadku', 'Hlášení výpadku služby', 'Komunikace během výpadku'],
      intro: 'Při výpadku, který se týká více uživatelů, založte jeden hlavní incident a ostatní tickety k němu propojte. Průběžné informace zveřejňujte na stránce stavu služeb.',
      steps: ['Ověřte rozsah výpadku (lokalita, služba, počet uživatelů).', 'Založte incident s prioritou P1 nebo P2 a informujte službu konajícího supervizora.', 'Zveřejněte zprávu na stránce stavu služeb.', 'Nové hovory propojujte s hlavním incidentem.', 'Po obnovení služby uzavřete související tickety hromadně.'],
      tip: 'Zprávu o stavu aktualizujte nejméně každých 30 minut.',
    },
    en: {
      titles: ['Handling a major outage', 'Reporting a service outage', 'Communicating during an outage'],
      intro: 'When an outage affects many users, open one major incident and link the other tickets to it. Post updates on the service status page.',
      steps: ['Establish the scope (location, service, number of users).', 'Open a P1 or P2 incident and tell the supervisor on duty.', 'Post a message on the status page.', 'Link new calls to the major incident.', 'When the service is back, resolve the linked tickets in bulk.'],
      tip: 'Update the status message at least every 30 minutes.',
    },
  },
  {
    topic: 'email', desk: 'service', category: 'E-mail & Collaboration', tags: ['outlook', 'e-mail'],
    link: { cs: 'Webová pošta', en: 'Web mail', url: 'https://outlook.office.com/mail/' },
    cs: {
      titles: ['Outlook nestahuje poštu', 'Přístup ke sdílené schránce', 'Plná poštovní schránka'],
      intro: 'Když Outlook nestahuje poštu, ověřte nejdřív webovou poštu. Pokud tam zprávy jsou, jde o problém klienta, ne serveru.',
      steps: ['Přihlaste se do webové pošty a ověřte, že zprávy dorazily.', 'V Outlooku zkontrolujte stav připojení ve stavovém řádku.', 'Zavřete Outlook a spusťte ho s parametrem `outlook.exe /resetnavpane`.', 'Pokud nepomůže, vytvořte nový poštovní profil v **Ovládacích panelech → Pošta**.'],
      tip: 'Sdílená schránka se v Outlooku objeví až do hodiny po přidělení práv.',
    },
    en: {
      titles: ['Outlook does not receive mail', 'Opening a shared mailbox', 'Mailbox is full'],
      intro: 'When Outlook does not receive mail, check web mail first. If the messages are there, the problem is the client, not the server.',
      steps: ['Sign in to web mail and check that the messages arrived.', 'Check the connection status in Outlook\'s status bar.', 'Close Outlook and start it with `outlook.exe /resetnavpane`.', 'If that fails, create a new mail profile in **Control Panel → Mail**.'],
      tip: 'A shared mailbox appears in Outlook up to an hour after permissions are granted.',
    },
  },
  {
    topic: 'wifi', desk: 'service', category: 'Network', tags: ['wifi'],
    link: { cs: 'Mapa přístupových bodů', en: 'Access point map', url: `${PORTAL}/kb/wifi-map` },
    cs: {
      titles: ['Připojení k firemní Wi-Fi', 'Wi-Fi pro hosty', 'Wi-Fi se stále odpojuje'],
      intro: 'Firemní síť používá přihlášení doménovým účtem (WPA2-Enterprise). Hosté používají oddělenou síť s denním heslem.',
      steps: ['Vyberte síť firmy a přihlaste se doménovým jménem a heslem.', 'Při výzvě potvrďte certifikát serveru.', 'Pokud se připojení nezdaří, odeberte síť ze seznamu známých sítí a připojte se znovu.', 'U opakovaných výpadků nahlaste místnost a čas, kdy k nim dochází.'],
      tip: 'Heslo pro hosty zjistí recepce na portálu v sekci Wi-Fi.',
    },
    en: {
      titles: ['Connecting to the office Wi-Fi', 'Guest Wi-Fi', 'Wi-Fi keeps dropping'],
      intro: 'The office network uses your domain account (WPA2-Enterprise). Guests use a separate network with a daily password.',
      steps: ['Choose the company network and sign in with your domain user name and password.', 'Accept the server certificate when asked.', 'If it fails, forget the network and connect again.', 'For repeated drops, report the room and the times they happen.'],
      tip: 'Reception finds the guest password in the Wi-Fi section of the portal.',
    },
  },
  {
    topic: 'mfa', desk: 'both', category: 'Accounts & Access', tags: ['mfa', 'security'],
    link: { cs: 'Registrace metod ověření', en: 'Register verification methods', url: 'https://aka.ms/mysecurityinfo' },
    cs: {
      titles: ['Vícefaktorové ověření (MFA) na novém telefonu', 'Ztracený telefon a MFA', 'Nastavení aplikace Authenticator'],
      intro: 'Při výměně telefonu je potřeba MFA znovu zaregistrovat. Bez původního telefonu vám přístup obnoví Service Desk po ověření totožnosti.',
      steps: ['Nainstalujte aplikaci Authenticator na nový telefon.', 'Na počítači otevřete stránku pro registraci metod ověření.', 'Zvolte **Přidat metodu → Ověřovací aplikace** a naskenujte QR kód.', 'Starou metodu odeberte.'],
      tip: 'Ztracený telefon nahlaste ihned, i mimo pracovní dobu – Service Desk běží nonstop.',
    },
    en: {
      titles: ['Multi-factor authentication on a new phone', 'Lost phone and MFA', 'Setting up the Authenticator app'],
      intro: 'When you change phones, MFA must be registered again. Without the old phone, the Service Desk restores access after verifying your identity.',
      steps: ['Install the Authenticator app on the new phone.', 'On a computer open the security info page.', 'Choose **Add method → Authenticator app** and scan the QR code.', 'Remove the old method.'],
      tip: 'Report a lost phone at once, even at night: the Service Desk runs 24/7.',
    },
  },
  {
    topic: 'erp', desk: 'service', category: 'Business Applications', tags: ['erp', 'sap', 'helios'],
    link: { cs: 'Uživatelské příručky ERP', en: 'ERP user guides', url: `${PORTAL}/kb/erp` },
    cs: {
      titles: ['SAP: přihlášení a zamčený uživatel', 'Helios: chyba při uzávěrce období', 'ERP je pomalé – co zjistit před nahlášením'],
      intro: 'Problémy s ERP řeší skupina Applications. Aby mohla začít hned, potřebuje přesný název transakce nebo agendy a text chyby.',
      steps: ['Zapište si název transakce či agendy a přesný text chyby (nejlépe snímek obrazovky).', 'Ověřte, zda se chyba týká i kolegů.', 'U zamčeného uživatele zkontrolujte platnost hesla.', 'Ticket založte s kategorií Business Applications a uveďte dopad na uzávěrku nebo expedici.'],
      tip: 'V době měsíční uzávěrky mají incidenty ERP vyšší naléhavost.',
    },
    en: {
      titles: ['SAP: login and locked users', 'Helios: error when closing a period', 'ERP is slow: what to check before reporting'],
      intro: 'ERP problems go to the Applications group. To start at once they need the transaction or module name and the error text.',
      steps: ['Note the transaction or module and the exact error (a screenshot is best).', 'Check whether colleagues are affected too.', 'For a locked user, check the password expiry.', 'Open a ticket in Business Applications and state the impact on closing or shipping.'],
      tip: 'During month-end closing, ERP incidents get a higher urgency.',
    },
  },
  {
    topic: 'workstation', desk: 'service', category: 'Workstations', tags: ['laptop', 'docking-station'],
    link: { cs: 'Katalog hardwaru', en: 'Hardware catalogue', url: `${PORTAL}/catalogue/hardware` },
    cs: {
      titles: ['Dokovací stanice nerozpozná monitory', 'Notebook se nespustí po aktualizaci', 'Instalace softwaru z katalogu'],
      intro: 'Většinu potíží s pracovní stanicí vyřeší aktualizace ovladačů nebo úplné vypnutí. Hardwarové vady řeší technik na místě.',
      steps: ['Odpojte notebook od doku, podržte vypínač 15 sekund a zapněte ho znovu.', 'V aplikaci Software Center nainstalujte čekající aktualizace ovladačů.', 'Vyzkoušejte jiný kabel nebo jiný stůl.', 'Při podezření na vadu hardwaru uveďte inventární číslo (např. NB-VS-0412).'],
      tip: 'Software ze schváleného katalogu si nainstalujete sami přes Software Center.',
    },
    en: {
      titles: ['Docking station does not detect monitors', 'Laptop does not start after an update', 'Installing software from the catalogue'],
      intro: 'Most workstation problems are fixed by updating drivers or a full shutdown. Hardware faults are fixed on site by a technician.',
      steps: ['Undock, hold the power button for 15 seconds and start again.', 'Install pending driver updates in Software Center.', 'Try another cable or another desk.', 'If you suspect a hardware fault, give the asset tag (e.g. NB-VS-0412).'],
      tip: 'Software from the approved catalogue can be installed by yourself through Software Center.',
    },
  },
  {
    topic: 'teams', desk: 'service', category: 'E-mail & Collaboration', tags: ['teams'],
    link: { cs: 'Nápověda Microsoft Teams', en: 'Microsoft Teams help', url: 'https://support.microsoft.com/teams' },
    cs: {
      titles: ['Teams: padající hovory a špatný zvuk', 'Teams: sdílení souborů v týmu'],
      intro: 'Kvalitu hovorů ovlivňuje hlavně síť a zvukové zařízení. Vyzkoušejte kabelové připojení a firemní náhlavní soupravu.',
      steps: ['Ukončete VPN, pokud je připojena (Teams ji nepotřebuje).', 'V **Nastavení → Zařízení** vyberte správný mikrofon a reproduktor.', 'Vyčistěte mezipaměť Teams a aplikaci restartujte.', 'Nahlaste čas hovoru, abychom mohli dohledat záznam kvality.'],
      tip: 'Testovací hovor najdete v nastavení zařízení.',
    },
    en: {
      titles: ['Teams: dropped calls and poor audio', 'Teams: sharing files in a team'],
      intro: 'Call quality depends mostly on the network and the audio device. Try a wired connection and a company headset.',
      steps: ['Disconnect the VPN if connected (Teams does not need it).', 'In **Settings → Devices** pick the right microphone and speaker.', 'Clear the Teams cache and restart the app.', 'Report the time of the call so we can look up its quality record.'],
      tip: 'A test call is available in the device settings.',
    },
  },
  {
    topic: 'onboarding', desk: 'service', category: 'Workstations', tags: ['onboarding', 'new-starter'],
    link: { cs: 'Formulář nástupu zaměstnance', en: 'New starter form', url: `${PORTAL}/requests/new-starter` },
    cs: {
      titles: ['Nástup nového zaměstnance – IT checklist', 'Odchod zaměstnance – odebrání přístupů'],
      intro: 'Nástup nahlaste alespoň 5 pracovních dní předem, ať stihneme připravit techniku i účty.',
      steps: ['Vyplňte formulář nástupu (jméno, oddělení, datum, lokalita).', 'Vyberte vybavení z katalogu.', 'Uveďte potřebné přístupy a jejich schvalovatele.', 'V den nástupu převezme zaměstnanec techniku u technika na místě.'],
      tip: 'Při odchodu zaměstnance přístupy odebíráme k poslednímu pracovnímu dni.',
    },
    en: {
      titles: ['New starter IT checklist', 'Leavers: removing access'],
      intro: 'Report a new starter at least 5 working days ahead so we can prepare equipment and accounts.',
      steps: ['Fill in the new starter form (name, department, date, location).', 'Choose equipment from the catalogue.', 'List the access needed and the approvers.', 'On day one the starter collects the equipment from the field technician.'],
      tip: 'For leavers, access is removed on their last working day.',
    },
  },
  {
    topic: 'files', desk: 'service', category: 'Workstations', tags: ['file-share'],
    link: { cs: 'Přehled síťových disků', en: 'Network drives overview', url: `${PORTAL}/kb/drives` },
    cs: {
      titles: ['Síťový disk není dostupný', 'Obnova smazaného souboru ze zálohy'],
      intro: 'Síťové disky se připojují při přihlášení. Mimo kancelář jsou dostupné jen přes VPN.',
      steps: ['Ověřte připojení k VPN nebo firemní síti.', 'V Průzkumníku zvolte **Tento počítač** a disk odpojte a znovu připojte.', 'Smazaný soubor zkuste obnovit přes **Vlastnosti → Předchozí verze**.', 'Pokud verze chybí, uveďte v ticketu cestu a přibližný čas smazání.'],
      tip: 'Zálohy souborových serverů uchováváme 30 dní.',
    },
    en: {
      titles: ['Network drive not available', 'Restoring a deleted file from backup'],
      intro: 'Network drives are mapped at sign-in. Outside the office they work only over VPN.',
      steps: ['Check the VPN or office network connection.', 'In Explorer open **This PC**, disconnect the drive and map it again.', 'Restore a deleted file through **Properties → Previous versions**.', 'If no version is there, give the path and the approximate time of deletion.'],
      tip: 'File server backups are kept for 30 days.',
    },
  },
  {
    topic: 'monitoring', desk: 'service', category: 'Monitoring', tags: ['monitoring', 'alert'],
    link: { cs: 'Runbooky monitoringu', en: 'Monitoring runbooks', url: `${PORTAL}/kb/runbooks` },
    cs: {
      titles: ['Zpracování alertu z monitoringu', 'Alert: málo místa na disku'],
      intro: 'Alerty z monitoringu zakládají tickety automaticky; opakovaný alert se stejným otiskem se přičte k otevřenému ticketu.',
      steps: ['Ověřte, zda alert stále trvá (pole firing).', 'Podívejte se do runbooku pro danou kontrolu.', 'Pokud dopadá na uživatele, zvyšte dopad a informujte supervizora.', 'Po odeznění alertu ticket vyřešte s popisem příčiny.'],
      tip: 'Kritický alert v noci řeší noční směna do 15 minut.',
    },
    en: {
      titles: ['Handling a monitoring alert', 'Alert: low disk space'],
      intro: 'Monitoring alerts open tickets automatically; a repeated alert with the same fingerprint is added to the open ticket.',
      steps: ['Check whether the alert is still firing.', 'Open the runbook for the check.', 'If users are affected, raise the impact and tell the supervisor.', 'When the alert clears, resolve the ticket with the root cause.'],
      tip: 'The night shift answers a critical alert within 15 minutes.',
    },
  },
  {
    topic: 'training', desk: 'service', category: 'Training', tags: ['training'],
    link: { cs: 'Kalendář školení', en: 'Training calendar', url: `${PORTAL}/training` },
    cs: {
      titles: ['Objednání školení pro oddělení'],
      intro: 'Školení Teams, Outlooku a ERP pořádáme pro skupiny od 3 osob, online nebo na pobočce.',
      steps: ['Zvolte téma a počet účastníků.', 'Navrhněte dva možné termíny.', 'Po potvrzení dostanou účastníci pozvánku do kalendáře.'],
      tip: 'Záznamy proběhlých školení najdete v kalendáři školení.',
    },
    en: {
      titles: ['Booking a training session'],
      intro: 'We run Teams, Outlook and ERP sessions for groups of three or more, online or at your site.',
      steps: ['Choose the topic and the number of attendees.', 'Suggest two possible dates.', 'Once confirmed, attendees get a calendar invitation.'],
      tip: 'Recordings of past sessions are in the training calendar.',
    },
  },
  {
    topic: 'escalation', desk: 'both', category: 'Procedures', tags: ['escalation', 'procedure'],
    link: { cs: 'Kontakty supervizorů', en: 'Supervisor contacts', url: `${PORTAL}/kb/escalation` },
    cs: {
      titles: ['Eskalace kritického ticketu', 'Předávka práce mezi směnami'],
      intro: 'Kritické tickety (P1) a tickety s hrozícím porušením SLA eskalujte supervizorovi směny.',
      steps: ['Ověřte prioritu a dopad.', 'Zapište interní poznámku se stavem a dalším krokem.', 'Zavolejte supervizorovi směny.', 'Při předávce směny převezměte otevřené tickety podle plánu předávky.'],
      tip: 'Eskalaci vždy zapište do ticketu, i když proběhla telefonicky.',
    },
    en: {
      titles: ['Escalating a critical ticket', 'Shift handover'],
      intro: 'Escalate critical (P1) tickets and tickets about to breach their SLA to the shift supervisor.',
      steps: ['Check the priority and impact.', 'Write an internal note with the state and the next step.', 'Call the shift supervisor.', 'At handover, take over open tickets according to the handover plan.'],
      tip: 'Always record an escalation in the ticket, even one made by phone.',
    },
  },
  {
    topic: 'verification', desk: 'both', category: 'Procedures', tags: ['verification', 'gdpr'],
    link: { cs: 'Zásady ochrany osobních údajů', en: 'Privacy policy', url: `${PORTAL}/kb/privacy` },
    cs: {
      titles: ['Ověření totožnosti volajícího'],
      intro: 'Před sdělením údajů o smlouvě nebo resetem hesla vždy ověřte totožnost volajícího.',
      steps: ['Požádejte o zákaznické číslo nebo osobní číslo zaměstnance.', 'Ověřte dva další údaje (datum narození, adresu odběrného místa, nadřízeného).', 'Při neúspěchu údaje nesdělujte a nabídněte zpětné volání na registrované číslo.'],
      tip: 'Ověření zapište do interní poznámky.',
    },
    en: {
      titles: ["Verifying a caller's identity"],
      intro: 'Always verify the caller before sharing contract details or resetting a password.',
      steps: ['Ask for the customer number or the employee number.', 'Check two more details (date of birth, supply address, manager).', 'If that fails, share nothing and offer a call back to the registered number.'],
      tip: 'Record the verification in an internal note.',
    },
  },
  {
    topic: 'billing', desk: 'help', category: 'Billing', tags: ['billing', 'invoice'],
    link: { cs: 'Vysvětlení vyúčtování', en: 'Your bill explained', url: `${SUPPLIER}/vyuctovani` },
    cs: {
      titles: ['Jak číst vyúčtování elektřiny', 'Reklamace vyúčtování', 'Přeplatek a jeho vrácení'],
      intro: 'Vyúčtování porovnává skutečnou spotřebu podle odečtu se zaplacenými zálohami. Rozdíl je přeplatek nebo nedoplatek.',
      steps: ['Ověřte se zákazníkem období vyúčtování a stav elektroměru.', 'Porovnejte odečet s fotkou elektroměru od zákazníka.', 'Je-li odečet odhadnutý, založte opravu odečtu.', 'Reklamaci zaevidujte do 30 dnů od vystavení faktury.'],
      tip: 'Přeplatek vracíme do 30 dnů na účet, ze kterého chodí zálohy.',
    },
    en: {
      titles: ['Understanding the electricity bill', 'Disputing a bill', 'Overpayment refunds'],
      intro: 'The bill compares the actual consumption from the meter reading with the advance payments made. The difference is an overpayment or an amount due.',
      steps: ['Confirm the billing period and meter reading with the customer.', 'Compare the reading with the customer\'s meter photo.', 'If the reading was estimated, file a reading correction.', 'Register a dispute within 30 days of the invoice date.'],
      tip: 'Overpayments are refunded within 30 days to the account the advances come from.',
    },
  },
  {
    topic: 'meter', desk: 'help', category: 'Metering', tags: ['meter-reading'],
    link: { cs: 'Nahlásit samoodečet', en: 'Submit a meter reading', url: `${SUPPLIER}/samoodecet` },
    cs: {
      titles: ['Samoodečet elektroměru', 'Odhadnutý odečet a jeho oprava', 'Chyba na displeji elektroměru'],
      intro: 'Pokud odečítač nezastihne zákazníka, použije se odhad. Zákazník může kdykoli poslat samoodečet s fotografií.',
      steps: ['Požádejte zákazníka o fotku elektroměru s viditelným výrobním číslem.', 'Zadejte stav v systému k datu pořízení fotky.', 'Pokud se liší od odhadu o více než 10 %, vystavte opravné vyúčtování.', 'Chybu displeje předejte distributorovi jako poruchu měřidla.'],
      tip: 'Dvoutarifní elektroměr má dva stavy: VT a NT – zadejte oba.',
    },
    en: {
      titles: ['Submitting a meter reading', 'Estimated readings and corrections', 'Error on the meter display'],
      intro: 'When the reader cannot reach the customer an estimate is used. The customer can submit a reading with a photo at any time.',
      steps: ['Ask for a photo of the meter with the serial number visible.', 'Enter the reading as of the photo date.', 'If it differs from the estimate by more than 10 %, issue a corrected bill.', 'Pass a display error to the distributor as a meter fault.'],
      tip: 'A dual-rate meter has two readings, high and low: enter both.',
    },
  },
  {
    topic: 'tariff', desk: 'help', category: 'Contracts & Tariffs', tags: ['tariff-change'],
    link: { cs: 'Ceník a sazby', en: 'Prices and tariffs', url: `${SUPPLIER}/cenik` },
    cs: {
      titles: ['Změna distribuční sazby', 'Sazba D57d pro tepelné čerpadlo'],
      intro: 'Změnu sazby schvaluje distributor; pro D57d je potřeba doložit tepelné čerpadlo a revizní zprávu.',
      steps: ['Ověřte současnou sazbu a jistič.', 'Vyžádejte si potřebné doklady (revize, technický list čerpadla).', 'Podejte žádost distributorovi.', 'Zákazníka informujte o termínu přeprogramování elektroměru.'],
      tip: 'Změna se projeví od prvního dne měsíce po schválení.',
    },
    en: {
      titles: ['Changing the distribution tariff', 'The D57d heat-pump tariff'],
      intro: 'Tariff changes are approved by the distributor; D57d needs proof of a heat pump and an inspection report.',
      steps: ['Check the current tariff and main breaker.', 'Ask for the documents (inspection report, heat pump data sheet).', 'Submit the request to the distributor.', 'Tell the customer when the meter will be reprogrammed.'],
      tip: 'The change applies from the first day of the month after approval.',
    },
  },
  {
    topic: 'payment_plan', desk: 'help', category: 'Payments', tags: ['payment-plan', 'debt'],
    link: { cs: 'Žádost o splátkový kalendář', en: 'Payment plan request', url: `${SUPPLIER}/splatky` },
    cs: {
      titles: ['Splátkový kalendář k nedoplatku', 'Upomínky a hrozba odpojení'],
      intro: 'Nedoplatek nad 2 000 Kč lze rozložit až do 6 splátek. Během platného splátkového kalendáře se neposílají upomínky.',
      steps: ['Ověřte výši nedoplatku a platební historii.', 'Navrhněte počet splátek (max. 6).', 'Splátkový kalendář odešlete zákazníkovi k podpisu.', 'Pozastavte upomínkový proces.'],
      tip: 'Zákazník s tarifem platinum může mít až 12 splátek.',
    },
    en: {
      titles: ['Payment plans for an amount due', 'Reminders and disconnection warnings'],
      intro: 'An amount due above CZK 2,000 can be split into up to six instalments. No reminders are sent while a plan is active.',
      steps: ['Check the amount and the payment history.', 'Propose the number of instalments (at most 6).', 'Send the plan to the customer to sign.', 'Pause the dunning process.'],
      tip: 'Platinum customers may have up to 12 instalments.',
    },
  },
  {
    topic: 'moving', desk: 'help', category: 'Moving', tags: ['moving'],
    link: { cs: 'Stěhování s Jiskrou', en: 'Moving house', url: `${SUPPLIER}/stehovani` },
    cs: {
      titles: ['Stěhování – převod odběrného místa', 'Ukončení odběru při stěhování'],
      intro: 'Při stěhování zákazník ukončí odběr na staré adrese a zahájí nebo převezme odběr na nové.',
      steps: ['Zjistěte datum stěhování a obě adresy.', 'Požádejte o stavy elektroměrů k datu předání.', 'Na nové adrese sepište smlouvu nebo převod s předchozím odběratelem.', 'Konečné vyúčtování staré adresy pošlete do 30 dnů.'],
      tip: 'Předávací protokol podepsaný oběma stranami urychlí převod.',
    },
    en: {
      titles: ['Moving house: transferring the supply point', 'Ending supply when moving out'],
      intro: 'When moving, the customer ends supply at the old address and starts or takes over supply at the new one.',
      steps: ['Ask for the moving date and both addresses.', 'Ask for the meter readings on the handover date.', 'At the new address sign a contract or a transfer with the previous customer.', 'Send the final bill for the old address within 30 days.'],
      tip: 'A handover form signed by both parties speeds up the transfer.',
    },
  },
  {
    topic: 'outage_map', desk: 'help', category: 'Outages', tags: ['outage', 'outage-map'],
    link: { cs: 'Mapa výpadků', en: 'Outage map', url: `${SUPPLIER}/mapa-vypadku` },
    cs: {
      titles: ['Mapa výpadků a plánované odstávky', 'Nahlášení poruchy dodávky elektřiny'],
      intro: 'Poruchy sítě řeší distributor. Na mapě výpadků jsou plánované odstávky i aktuální poruchy s odhadem opravy.',
      steps: ['Ověřte adresu na mapě výpadků.', 'Je-li porucha uvedena, sdělte zákazníkovi odhad obnovení.', 'Pokud uvedena není, ověřte jističe a nahlaste poruchu distributorovi.', 'Zákazníkovi předejte číslo poruchy.'],
      tip: 'Plánované odstávky se oznamují nejméně 15 dní předem.',
    },
    en: {
      titles: ['Outage map and planned maintenance', 'Reporting a power failure'],
      intro: 'Network faults are fixed by the distributor. The outage map shows planned work and current faults with an estimated repair time.',
      steps: ['Check the address on the outage map.', 'If the fault is listed, give the customer the estimated restoration time.', 'If not, check the breakers and report the fault to the distributor.', 'Give the customer the fault number.'],
      tip: 'Planned outages are announced at least 15 days ahead.',
    },
  },
  {
    topic: 'portal', desk: 'help', category: 'Customer Portal', tags: ['portal', 'app'],
    link: { cs: 'Zákaznický portál', en: 'Customer portal', url: `${SUPPLIER}/portal` },
    cs: {
      titles: ['Přihlášení do zákaznického portálu', 'Mobilní aplikace – nesprávná spotřeba'],
      intro: 'Do portálu se zákazník přihlašuje e-mailem a heslem; první přihlášení vyžaduje zákaznické číslo.',
      steps: ['Ověřte e-mail uvedený ve smlouvě.', 'Pošlete odkaz na obnovení hesla.', 'Pokud se údaje liší, opravte kontakt ve smlouvě.', 'Údaje o spotřebě v aplikaci se aktualizují jednou denně.'],
      tip: 'Zamčený účet portálu se odemkne po 15 minutách.',
    },
    en: {
      titles: ['Signing in to the customer portal', 'Mobile app shows wrong consumption'],
      intro: 'Customers sign in with e-mail and password; the first sign-in needs the customer number.',
      steps: ['Check the e-mail on the contract.', 'Send a password reset link.', 'If the details differ, correct the contact on the contract.', 'Consumption in the app updates once a day.'],
      tip: 'A locked portal account unlocks after 15 minutes.',
    },
  },
  {
    topic: 'solar', desk: 'help', category: 'Metering', tags: ['solar', 'feed-in'],
    link: { cs: 'Výkup přetoků', en: 'Feed-in buyback', url: `${SUPPLIER}/fotovoltaika` },
    cs: {
      titles: ['Výkup přetoků z fotovoltaiky'],
      intro: 'Přetoky se vyúčtují podle stavu registru dodávky do sítě na obousměrném elektroměru.',
      steps: ['Ověřte, zda má zákazník smlouvu o výkupu.', 'Zkontrolujte stav registru 2.8.0.', 'Chybějící přetoky reklamujte u distributora.'],
      tip: 'Přetoky vyplácíme čtvrtletně.',
    },
    en: {
      titles: ['Solar feed-in buyback'],
      intro: 'Feed-in is settled from the export register of the two-way meter.',
      steps: ['Check that the customer has a buyback contract.', 'Read register 2.8.0.', 'Dispute missing feed-in with the distributor.'],
      tip: 'Feed-in is paid quarterly.',
    },
  },
  {
    topic: 'advance', desk: 'help', category: 'Payments', tags: ['advance-payment'],
    link: { cs: 'Změna zálohy', en: 'Change advance payments', url: `${SUPPLIER}/zalohy` },
    cs: {
      titles: ['Změna výše záloh'],
      intro: 'Zákazník může výši záloh změnit v portálu nebo po telefonu; doporučená výše vychází z loňské spotřeby.',
      steps: ['Ověřte zákazníka.', 'Spočítejte doporučenou zálohu podle spotřeby.', 'Změnu zadejte s účinností od dalšího měsíce.', 'Nový předpis záloh pošlete e-mailem.'],
      tip: 'Snížení zálohy o více než 30 % schvaluje supervizor.',
    },
    en: {
      titles: ['Changing advance payments'],
      intro: 'Customers can change their advance payments in the portal or by phone; the recommended amount follows last year\'s consumption.',
      steps: ['Verify the customer.', 'Calculate the recommended advance.', 'Enter the change from next month.', 'E-mail the new payment schedule.'],
      tip: 'A reduction of more than 30 % needs a supervisor\'s approval.',
    },
  },
  {
    topic: 'complaint', desk: 'help', category: 'Complaints', tags: ['complaint', 'procedure'],
    link: { cs: 'Reklamační řád', en: 'Complaints procedure', url: `${SUPPLIER}/reklamacni-rad` },
    cs: {
      titles: ['Vyřízení stížnosti zákazníka'],
      intro: 'Stížnost musíme vyřídit do 15 dnů. Zákazník dostane potvrzení o přijetí hned.',
      steps: ['Zaevidujte stížnost jako typ Complaint.', 'Pošlete potvrzení o přijetí.', 'Prošetřete případ s dotčeným oddělením.', 'Odpovězte písemně s výsledkem a případnou kompenzací.'],
      tip: 'Opakovanou stížnost předejte supervizorovi.',
    },
    en: {
      titles: ['Handling a customer complaint'],
      intro: 'A complaint must be settled within 15 days. The customer gets an acknowledgement at once.',
      steps: ['Register it as a Complaint.', 'Send the acknowledgement.', 'Investigate with the department concerned.', 'Reply in writing with the outcome and any compensation.'],
      tip: 'Pass a repeated complaint to the supervisor.',
    },
  },
];
