import type { ListUsersQuery } from '@mprc/contracts';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n';
import { useOffices } from '../api/get-offices';
import { officeOptions, roleOptions } from '../utils/role-options';

type FilterKey = 'q' | 'role' | 'officeCode' | 'active';

interface UsersFiltersProps {
  filters: ListUsersQuery;
  onChange: (key: FilterKey, value: string | null) => void;
  onClear: () => void;
}

/** Search and filters; they live in the URL, so a filtered list can be bookmarked or shared. */
export function UsersFilters({ filters, onChange, onClear }: UsersFiltersProps) {
  const { t } = useTranslation('users');
  const { t: tAuth } = useTranslation('auth');
  const { language } = useLanguage();
  const offices = useOffices();
  const [q, setQ] = useState(filters.q ?? '');
  const commitQ = useDebouncedCallback((value: string) => onChange('q', value.trim() || null), 350);
  const any = Boolean(filters.q || filters.role || filters.officeCode || filters.active);

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('filters.label')}>
      <TextInput
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQ(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <Select
        label={t('fields.role')}
        placeholder={t('filters.all')}
        data={roleOptions(tAuth)}
        value={filters.role ?? null}
        onChange={(value) => onChange('role', value)}
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue') }}
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label={t('fields.office')}
        placeholder={t('filters.all')}
        data={officeOptions(offices.data, language)}
        value={filters.officeCode ?? null}
        onChange={(value) => onChange('officeCode', value)}
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue') }}
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label={t('list.status')}
        placeholder={t('filters.all')}
        data={[
          { value: 'true', label: t('status.active') },
          { value: 'false', label: t('status.inactive') },
        ]}
        value={filters.active ?? null}
        onChange={(value) => onChange('active', value)}
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue') }}
        w={{ base: '100%', xs: 160 }}
      />
      {any ? (
        <Button
          variant="subtle"
          leftSection={<IconX size={16} aria-hidden="true" />}
          onClick={() => {
            setQ('');
            onClear();
          }}
        >
          {t('filters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
