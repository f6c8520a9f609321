import { Box, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES, UI_LANGUAGES, useLanguage } from '@/lib/i18n';

/** Header language switcher: a menu of the four interface languages, each named in itself. */
export function LanguageMenu() {
  const { t } = useTranslation('common');
  const { language, setLanguage } = useLanguage();
  return (
    // Not in a portal: the open menu stays inside the header landmark. No Menu.Label and no
    // focus placeholder: role="menu" may only contain menu items (axe: aria-required-children).
    // Opening focuses the current language instead (data-autofocus).
    <Menu position="bottom-end" width={220} shadow="md" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          leftSection={<IconLanguage size={20} aria-hidden="true" />}
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
          aria-label={t('language.current', { language: LANGUAGE_NAMES[language] })}
        >
          <span lang={language}>
            <Box component="span" visibleFrom="sm">
              {LANGUAGE_NAMES[language]}
            </Box>
            <Box component="span" hiddenFrom="sm">
              {LANGUAGE_SHORT_NAMES[language]}
            </Box>
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.RadioGroup
          value={language}
          onChange={(value) => {
            if (isUiLanguage(value)) void setLanguage(value);
          }}
        >
          {UI_LANGUAGES.map((code) => (
            <Menu.RadioItem
              key={code}
              value={code}
              lang={code}
              closeMenuOnClick
              data-autofocus={code === language || undefined}
            >
              {LANGUAGE_NAMES[code]}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}
