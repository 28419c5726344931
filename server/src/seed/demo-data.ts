import type { Role } from '@careweave/shared';

// Every name, organisation and NHS number here is fictitious. NHS numbers come from the
// 999 range, which is never issued, and pass the Modulus 11 check.

/** The password of every demo login (DESIGN §6). */
export const DEMO_PASSWORD = 'careweave-demo';

export const DEMO_NEIGHBOURHOOD = 'Heatons & Tame Valley';

export const DEMO_USERS: { email: string; name: string; role: Role; organisation: string }[] = [
  {
    email: 'gp@demo.test',
    name: 'Dr Amara Okafor',
    role: 'gp_lead',
    organisation: 'Heatons Group Practice',
  },
  {
    email: 'nurse@demo.test',
    name: 'Sam Whitfield',
    role: 'nurse',
    organisation: 'Heatons Group Practice',
  },
  {
    email: 'social@demo.test',
    name: 'Priya Raman',
    role: 'social_worker',
    organisation: 'Adult Social Care',
  },
  {
    email: 'mentalhealth@demo.test',
    name: 'Tom Delaney',
    role: 'mental_health',
    organisation: 'Community Mental Health Team',
  },
  {
    email: 'pharmacist@demo.test',
    name: 'Li Wei Chen',
    role: 'pharmacist',
    organisation: 'Primary Care Network',
  },
  {
    email: 'physio@demo.test',
    name: 'Grace Mensah',
    role: 'physiotherapist',
    organisation: 'Direct-access MSK Physiotherapy',
  },
  {
    email: 'navigator@demo.test',
    name: 'Jo Hartley',
    role: 'care_navigator',
    organisation: 'Wellbeing Pathway Team',
  },
  {
    email: 'partner@demo.test',
    name: 'Kim Ashworth',
    role: 'voluntary_partner',
    organisation: 'Tame Valley Peer Support',
  },
  {
    email: 'admin@demo.test',
    name: 'Chris Lowe',
    role: 'admin',
    organisation: 'Neighbourhood Team Office',
  },
];

export const DEMO_PEOPLE = [
  {
    nhsNumber: '9990000018',
    givenName: 'Margaret',
    familyName: 'Ellison',
    dateOfBirth: '1948-03-12',
    gpPractice: 'Heatons Group Practice',
    pathway: 'Recovery',
    consentToShare: true,
    whatMatters: [
      'Getting back to my Tuesday knitting group at the library.',
      'In a month I want to be walking to the shops on my own.',
    ],
  },
  {
    nhsNumber: '9990000026',
    givenName: 'David',
    familyName: 'Okonjo',
    dateOfBirth: '1961-07-30',
    gpPractice: 'Reddish Vale Surgery',
    pathway: 'Prevention',
    consentToShare: true,
    whatMatters: ['Keeping my allotment going and sorting out the letters from the council.'],
  },
  {
    nhsNumber: '9990000034',
    givenName: 'Susan',
    familyName: 'Kowalczyk',
    dateOfBirth: '1955-11-02',
    gpPractice: 'Heatons Group Practice',
    pathway: 'Recovery',
    consentToShare: false,
    whatMatters: ['Sleeping through the night and feeling less on edge.'],
  },
  {
    nhsNumber: '9990000042',
    givenName: 'Harold',
    familyName: 'Pimm',
    dateOfBirth: '1939-01-19',
    gpPractice: 'Tame Valley Medical Centre',
    pathway: 'Recovery',
    consentToShare: true,
    whatMatters: ['Staying in my own home, and seeing my grandchildren on Sundays.'],
  },
  {
    nhsNumber: '9990000050',
    givenName: 'Aisha',
    familyName: 'Rahman',
    dateOfBirth: '1972-05-25',
    gpPractice: 'Reddish Vale Surgery',
    pathway: 'Prevention',
    consentToShare: true,
    whatMatters: ['Going back to work part-time, and getting my breathing under control.'],
  },
  {
    nhsNumber: '9990000069',
    givenName: 'Peter',
    familyName: 'Lindqvist',
    dateOfBirth: '1966-09-14',
    gpPractice: 'Tame Valley Medical Centre',
    pathway: 'Prevention',
    consentToShare: true,
    whatMatters: ['Volunteering at the food bank again and paying off the gas arrears.'],
  },
  {
    nhsNumber: '9990000077',
    givenName: 'Joan',
    familyName: 'Featherstone',
    dateOfBirth: '1944-12-08',
    gpPractice: 'Heatons Group Practice',
    pathway: 'Recovery',
    consentToShare: true,
    whatMatters: ['Getting out of the house more — I miss the singing group.'],
  },
];
