import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { applySavedMapping, type ImportResponse } from '@mprc/contracts';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteMapping, useSaveMapping, useSavedMappings } from '../api/imports';
import type { MappingDraft } from '../utils/mapping';

/** Use a mapping saved from an earlier list (matched by header, spelling aside), or save this one. */
export function SavedMappings({
  imp,
  draft,
  onApply,
}: {
  imp: ImportResponse;
  draft: MappingDraft;
  onApply: (draft: MappingDraft) => void;
}) {
  const { t } = useTranslation('imports');
  const saved = useSavedMappings();
  const save = useSaveMapping();
  const remove = useDeleteMapping();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const selected = saved.data?.find((m) => m.id === chosen);

  const apply = () => {
    if (!selected) return;
    const mapping = applySavedMapping(imp.columns, selected.mapping);
    onApply({ mapping, defaultOfficeCode: selected.defaultOfficeCode ?? draft.defaultOfficeCode });
    notifications.show({
      message: t('mapping.saved.applied', { count: Object.keys(mapping).length, name: selected.name }),
    });
  };
  const store = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    save.mutate(
      {
        name: trimmed,
        mapping: draft.mapping,
        ...(draft.defaultOfficeCode ? { defaultOfficeCode: draft.defaultOfficeCode } : {}),
      },
      {
        onSuccess: (row) => {
          setName('');
          setChosen(row.id);
          notifications.show({ color: 'green', message: t('mapping.saved.done', { name: row.name }) });
        },
        onError: () => notifications.show({ color: 'red', message: t('mapping.saved.failed') }),
      },
    );
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          label={t('mapping.saved.choose')}
          data={[
            { value: '', label: saved.data?.length ? t('mapping.saved.pick') : t('mapping.saved.none') },
            ...(saved.data ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
        />
        <Button variant="default" onClick={apply} disabled={!selected}>
          {t('mapping.saved.apply')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden="true" />}
          disabled={!selected}
          loading={remove.isPending}
          onClick={() =>
            selected &&
            remove.mutate(selected.id, {
              onSuccess: () => {
                setChosen('');
                notifications.show({ message: t('mapping.saved.deleted', { name: selected.name }) });
              },
            })
          }
        >
          {t('mapping.saved.delete')}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('mapping.saved.name')}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
        />
        <Button
          variant="default"
          leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          onClick={store}
          disabled={!name.trim()}
          loading={save.isPending}
        >
          {t('mapping.saved.save')}
        </Button>
      </Group>
    </Stack>
  );
}
