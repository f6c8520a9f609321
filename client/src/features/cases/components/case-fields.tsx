import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { REFERENCE_SYSTEMS, SEXES } from '@mprc/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReferenceOptions } from '../api/get-reference-data';
import type { CaseFormValues } from '../utils/case-form';
import { translateFieldError } from '../utils/field-errors';
import { PartialDateInput } from './partial-date-input';

// Each fieldset's legend reads as the heading of its part of the form.
const LEGEND_STYLES = { legend: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 8 } };

interface CaseFieldsProps {
  /** Managers choose the office; a liaison officer's cases are in their own office. */
  showOffice: boolean;
  /** Shown after the person's fieldset (the duplicate warning on a phone). */
  afterPerson?: ReactNode;
}

/** The fields of the case record, shared by the create and edit forms (inside a FormProvider). */
export function CaseFields({ showOffice, afterPerson }: CaseFieldsProps) {
  const { t } = useTranslation('cases');
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<CaseFormValues>();
  const references = useFieldArray({ control, name: 'externalReferences' });
  const communities = useReferenceOptions('communities');
  const municipalities = useReferenceOptions('municipalities');
  const offices = useReferenceOptions('offices');
  const error = (e: { message?: string; type?: string } | undefined) => translateFieldError(t, e);

  return (
    <Stack gap="lg">
      <Fieldset legend={t('form.person')} variant="unstyled" styles={LEGEND_STYLES}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('labels.firstName')}
              withAsterisk
              autoComplete="off"
              {...register('firstName')}
              error={error(errors.firstName)}
            />
            <TextInput
              label={t('labels.fatherName')}
              autoComplete="off"
              {...register('fatherName')}
              error={error(errors.fatherName)}
            />
            <TextInput
              label={t('labels.lastName')}
              withAsterisk
              autoComplete="off"
              {...register('lastName')}
              error={error(errors.lastName)}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="otherNames"
            render={({ field, fieldState }) => (
              <TagsInput
                label={t('labels.otherNames')}
                description={t('form.otherNamesHint')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                maxTags={20}
                splitChars={[',', ';']}
                clearable
                clearButtonProps={{ 'aria-label': t('form.clearOtherNames') }}
                error={error(fieldState.error ?? (errors.otherNames as { message?: string } | undefined))}
              />
            )}
          />
          <Controller
            control={control}
            name="sex"
            render={({ field }) => (
              <Radio.Group label={t('labels.sex')} value={field.value} onChange={field.onChange} name={field.name}>
                <Group gap="lg" mt={6}>
                  {SEXES.map((sex) => (
                    <Radio key={sex} value={sex} label={t(`sex.${sex}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Controller
              control={control}
              name="dateOfBirth"
              render={({ field, fieldState }) => (
                <PartialDateInput
                  ref={field.ref}
                  label={t('labels.dateOfBirth')}
                  value={field.value}
                  onCommit={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  error={error(fieldState.error)}
                />
              )}
            />
            <TextInput
              label={t('labels.placeOfBirth')}
              {...register('placeOfBirth')}
              error={error(errors.placeOfBirth)}
            />
            <Controller
              control={control}
              name="communityCode"
              render={({ field, fieldState }) => (
                <Select
                  ref={field.ref}
                  label={t('labels.community')}
                  data={communities.options}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  clearable
                  clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('labels.community') }) }}
                  error={error(fieldState.error)}
                />
              )}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      {afterPerson}

      <Fieldset legend={t('form.disappearance')} variant="unstyled" styles={LEGEND_STYLES}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Controller
              control={control}
              name="missingSince"
              render={({ field, fieldState }) => (
                <PartialDateInput
                  ref={field.ref}
                  label={t('labels.missingSince')}
                  value={field.value}
                  onCommit={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  error={error(fieldState.error)}
                />
              )}
            />
            <Controller
              control={control}
              name="lastSeenMunicipalityCode"
              render={({ field, fieldState }) => (
                <Select
                  ref={field.ref}
                  label={t('labels.lastSeenMunicipality')}
                  data={municipalities.options}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  searchable
                  nothingFoundMessage={t('list.filters.nothingFound')}
                  clearable
                  clearButtonProps={{
                    'aria-label': t('list.filters.clear', { filter: t('labels.lastSeenMunicipality') }),
                  }}
                  error={error(fieldState.error)}
                />
              )}
            />
          </SimpleGrid>
          <TextInput
            label={t('labels.lastSeenPlace')}
            description={t('form.lastSeenPlaceHint')}
            {...register('lastSeenPlace')}
            error={error(errors.lastSeenPlace)}
          />
          <Textarea
            label={t('form.circumstancesLabel')}
            description={t('form.circumstancesHint')}
            autosize
            minRows={3}
            maxRows={12}
            {...register('circumstances')}
            error={error(errors.circumstances)}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('labels.externalReferences')} variant="unstyled" styles={LEGEND_STYLES}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('form.referencesHint')}
          </Text>
          {references.fields.map((row, index) => (
            <Group key={row.id} align="flex-start" gap="xs" wrap="nowrap">
              <Controller
                control={control}
                name={`externalReferences.${index}.system`}
                render={({ field }) => (
                  <Select
                    ref={field.ref}
                    label={t('form.referenceSystem', { number: index + 1 })}
                    data={REFERENCE_SYSTEMS.map((value) => ({ value, label: t(`referenceSystem.${value}`) }))}
                    value={field.value}
                    onChange={(value) => value && field.onChange(value)}
                    allowDeselect={false}
                    w={{ base: 110, xs: 160 }}
                    style={{ flexShrink: 0 }}
                  />
                )}
              />
              <TextInput
                label={t('form.referenceNumber', { number: index + 1 })}
                style={{ flex: 1, minWidth: 0 }}
                {...register(`externalReferences.${index}.reference`)}
                error={error(errors.externalReferences?.[index]?.reference)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                onClick={() => references.remove(index)}
                aria-label={t('form.removeReference', { number: index + 1 })}
              >
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => references.append({ system: 'ICRC', reference: '' })}
            disabled={references.fields.length >= 20}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('form.addReference')}
          </Button>
        </Stack>
      </Fieldset>

      {showOffice ? (
        <Controller
          control={control}
          name="officeCode"
          render={({ field, fieldState }) => (
            <Select
              ref={field.ref}
              label={t('labels.office')}
              withAsterisk
              data={offices.options}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              maw={360}
              error={error(fieldState.error)}
            />
          )}
        />
      ) : null}
    </Stack>
  );
}
