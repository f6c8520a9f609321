import type { ContactChannel } from '@mprc/contracts';
import { IconBuilding, IconHome, IconMail, IconMessages, IconPhone, type Icon } from '@tabler/icons-react';

export const CHANNEL_ICONS: Record<ContactChannel, Icon> = {
  VISIT: IconHome,
  PHONE: IconPhone,
  OFFICE_MEETING: IconBuilding,
  LETTER: IconMail,
  EMAIL: IconMail,
  OTHER: IconMessages,
};
