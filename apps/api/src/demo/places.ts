// The demo city's places ("vindplaatsen"): where the teams find people. All names are invented;
// the kinds follow the Quick Scan's location parameter (private, semi-public, public, online).
import type { PlaceKind } from "@vindplaats/domain";

export interface DemoPlace {
  name: string;
  /** Key of a DEMO_NEIGHBOURHOODS entry. */
  neighbourhood: string;
  kind: PlaceKind;
}

const p = (name: string, neighbourhood: string, kind: PlaceKind): DemoPlace => ({ name, neighbourhood, kind });

export const DEMO_PLACES: DemoPlace[] = [
  p("Stadhuisplein", "centrum", "public"),
  p("Busstation Centrum", "centrum", "public"),
  p("Dagcentrum De Schuilhaven", "centrum", "semi_public"),
  p("Leeszaal stadsbibliotheek", "centrum", "semi_public"),
  p("Groepschat Pleinjongeren", "centrum", "online"),
  p("Station Zuid (zijingang)", "gordel", "public"),
  p("Parkje aan de Ring", "gordel", "public"),
  p("Wasserette De Gordel", "gordel", "semi_public"),
  p("Pleintje Brugse Poort", "brugsepoort", "public"),
  p("Kraakpand Fabrieksstraat", "brugsepoort", "private"),
  p("Buurthuis De Poort", "brugsepoort", "semi_public"),
  p("Speelplein Rabot", "rabot", "public"),
  p("Inkomhal woontorens Rabot", "rabot", "semi_public"),
  p("Schoolpoort Atheneum Noord", "rabot", "public"),
  p("Park Bloemekenswijk", "bloemekens", "public"),
  p("Nachtwinkel Bloemekens", "bloemekens", "semi_public"),
  p("Voetbalkooi Bloemekens", "bloemekens", "public"),
  p("Kaaien Muide", "muide", "public"),
  p("Leegstaande loods aan het dok", "muide", "private"),
  p("Sluizekenplein", "sluizeken", "public"),
  p("Buurtwinkel Tolhuis", "sluizeken", "semi_public"),
  p("Huisbezoeken Ham", "sluizeken", "private"),
  p("Station Dampoort", "dampoort", "public"),
  p("Schoolpoort Sint-Amandsberg", "dampoort", "public"),
  p("Kraakpand Dampoort", "dampoort", "private"),
  p("Ledebergplein", "ledeberg", "public"),
  p("Jeugdhuis Ledeberg", "ledeberg", "semi_public"),
  p("Parkje Gentbrugge", "ledeberg", "public"),
  p("Inkomhallen hoogbouw Nieuw Gent", "nieuwgent", "semi_public"),
  p("Speelterrein Nieuw Gent", "nieuwgent", "public"),
  p("Sporthal Nieuw Gent", "nieuwgent", "semi_public"),
  p("Chatkanaal Schoolspotters", "gordel", "online"),
];
