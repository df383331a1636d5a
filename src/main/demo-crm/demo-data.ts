/**
 * The demo CRM's customers and meters: the data behind the sample flows, listed in the README so
 * a first-time user knows which keys to press.
 */

/** A customer the sample flows authenticate by customer number and PIN; the tier picks an offer. */
export interface DemoCustomer {
  customerNumber: string;
  pin: string;
  name: string;
  phone: string;
  tier: 'gold' | 'silver' | 'standard';
  balance: number;
  currency: string;
}

/** A demo utility meter. */
export interface DemoMeter {
  meterId: string;
  customerNumber: string;
  lastReading: number;
  unit: string;
  lastReadOn: string;
}

/** Customers that authenticate with customer number + PIN. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    customerNumber: '12345',
    pin: '1111',
    name: 'Anna',
    phone: '+3612345678',
    tier: 'gold',
    balance: 1250.75,
    currency: 'EUR',
  },
  {
    customerNumber: '67890',
    pin: '2222',
    name: 'Bela',
    phone: '+3619876543',
    tier: 'silver',
    balance: -42.1,
    currency: 'EUR',
  },
  {
    customerNumber: '24680',
    pin: '3333',
    name: 'Chloe',
    phone: '+3613579246',
    tier: 'standard',
    balance: 0,
    currency: 'EUR',
  },
];

/** Meters that accept readings. */
export const DEMO_METERS: readonly DemoMeter[] = [
  {
    meterId: '100200',
    customerNumber: '12345',
    lastReading: 4821,
    unit: 'kWh',
    lastReadOn: '2026-10-24',
  },
  {
    meterId: '100300',
    customerNumber: '67890',
    lastReading: 15230,
    unit: 'kWh',
    lastReadOn: '2026-09-30',
  },
];

/** Offers read out in the personalised menu, by tier. */
export const DEMO_OFFERS: Readonly<Record<DemoCustomer['tier'], string>> = {
  gold: 'a free upgrade to premium support this month',
  silver: 'ten percent off your next renewal',
  standard: 'our new mobile app, free to download',
};
