import 'i18next';
import type account from './locales/en/account.json';
import type audit from './locales/en/audit.json';
import type auth from './locales/en/auth.json';
import type attachments from './locales/en/attachments.json';
import type cases from './locales/en/cases.json';
import type common from './locales/en/common.json';
import type dashboard from './locales/en/dashboard.json';
import type contacts from './locales/en/contacts.json';
import type family from './locales/en/family.json';
import type reports from './locales/en/reports.json';
import type followups from './locales/en/followups.json';
import type imports from './locales/en/imports.json';
import type inbox from './locales/en/inbox.json';
import type offices from './locales/en/offices.json';
import type referrals from './locales/en/referrals.json';
import type relatives from './locales/en/relatives.json';
import type status from './locales/en/status.json';
import type users from './locales/en/users.json';

// English is the reference for key names; the completeness test holds the other languages to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      status: typeof status;
      family: typeof family;
      auth: typeof auth;
      account: typeof account;
      users: typeof users;
      audit: typeof audit;
      dashboard: typeof dashboard;
      reports: typeof reports;
      cases: typeof cases;
      relatives: typeof relatives;
      contacts: typeof contacts;
      referrals: typeof referrals;
      attachments: typeof attachments;
      followups: typeof followups;
      inbox: typeof inbox;
      imports: typeof imports;
      offices: typeof offices;
    };
  }
}
