import { zodResolver } from '@hookform/resolvers/zod';
import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserResponse,
} from '@mprc/contracts';
import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerFieldErrors, PasswordField, useFieldErrorText } from '@/features/auth';
import { useLanguage } from '@/lib/i18n';
import { useCreateUser } from '../api/create-user';
import { useOffices } from '../api/get-offices';
import { useUpdateUser } from '../api/update-user';
import { generatePassword } from '../utils/generate-password';
import { officeOptions, roleOptions } from '../utils/role-options';
import { userErrorText } from '../utils/user-error-text';

type CreateInput = z.input<typeof CreateUserRequestSchema>;

// The office rule of CreateUserRequest, for edits too (the server checks it again).
const EditUserSchema = UpdateUserRequestSchema.superRefine((value, ctx) => {
  if (value.role === 'LIAISON_OFFICER' && !value.officeCode)
    ctx.addIssue({ code: 'custom', path: ['officeCode'], message: 'A liaison officer belongs to an office' });
});
type EditInput = z.input<typeof EditUserSchema>;

interface RoleAndOfficeProps {
  control: Control<CreateInput> | Control<EditInput>;
  errors: FieldErrors<CreateInput> | FieldErrors<EditInput>;
  roleLocked?: boolean;
}

function RoleAndOffice({ control: anyControl, errors, roleLocked = false }: RoleAndOfficeProps) {
  const { t } = useTranslation('users');
  const { t: tAuth } = useTranslation('auth');
  const { language } = useLanguage();
  const errorText = useFieldErrorText();
  const offices = useOffices();
  // Both forms have `role` and `officeCode` with the same types.
  const control = anyControl as Control<EditInput>;
  const role = useWatch({ control, name: 'role' });
  const liaison = role === 'LIAISON_OFFICER';
  return (
    <>
      <Controller
        control={control}
        name="role"
        render={({ field }) => (
          <Select
            label={t('fields.role')}
            data={roleOptions(tAuth)}
            required
            allowDeselect={false}
            disabled={roleLocked}
            description={roleLocked ? t('form.ownRole') : undefined}
            error={errorText(errors.role)}
            {...field}
            value={field.value ?? null}
            onChange={(value) => field.onChange(value)}
          />
        )}
      />
      <Controller
        control={control}
        name="officeCode"
        render={({ field }) => (
          <Select
            label={t('fields.office')}
            description={liaison ? t('form.officeRequired') : t('form.officeOptional')}
            placeholder={t('form.noOffice')}
            data={officeOptions(offices.data, language)}
            required={liaison}
            clearable={!liaison}
            clearButtonProps={{ 'aria-label': t('form.clearOffice') }}
            error={errorText(errors.officeCode) ?? (offices.isError ? t('form.officesFailed') : undefined)}
            {...field}
            value={field.value ?? null}
            onChange={(value) => field.onChange(value)}
          />
        )}
      />
    </>
  );
}

function FormAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('users');
  const { t: tCommon } = useTranslation('common');
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
      {userErrorText(error, t, tCommon)}
    </Alert>
  );
}

function CreatedSummary({ user, password, onClose }: { user: UserResponse; password: string; onClose: () => void }) {
  const { t } = useTranslation('users');
  const clipboard = useClipboard({ timeout: 3000 });
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title={t('create.doneTitle')}>
        {t('create.done', { name: user.name })}
      </Alert>
      <Text>{t('create.passOn')}</Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('fields.email')}
        </Text>
        <Code fz="md">{user.email}</Code>
        <Text size="sm" fw={600} mt="xs">
          {t('fields.initialPassword')}
        </Text>
        <Group gap="xs">
          <Code fz="md" style={{ overflowWrap: 'anywhere' }}>
            {password}
          </Code>
          <Button variant="subtle" size="compact-sm" onClick={() => clipboard.copy(password)}>
            {clipboard.copied ? t('actions.copied') : t('actions.copy')}
          </Button>
        </Group>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('actions.done')}
        </Button>
      </Group>
    </Stack>
  );
}

const CREATE_FIELDS = ['email', 'name', 'role', 'officeCode', 'password'] as const;

/** New staff account: email, name, role, office (liaison officers), an initial password. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('users');
  const errorText = useFieldErrorText();
  const create = useCreateUser();
  const [showPassword, setShowPassword] = useState(false);
  const [created, setCreated] = useState<{ user: UserResponse; password: string } | null>(null);
  const form = useForm<CreateInput, unknown, CreateUserRequest>({
    resolver: zodResolver(CreateUserRequestSchema),
    defaultValues: { email: '', name: '', role: 'LIAISON_OFFICER', officeCode: null, password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    create.reset();
    try {
      const user = await create.mutateAsync(values);
      setCreated({ user, password: values.password });
    } catch (error) {
      // The typed values stay; the server's field messages go next to their fields.
      if (applyServerFieldErrors(error, form.setError, CREATE_FIELDS)) create.reset();
    }
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={onClose}
      title={created ? t('create.doneTitle') : t('create.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      {created ? (
        <CreatedSummary user={created.user} password={created.password} onClose={onClose} />
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            {create.isError ? <FormAlert error={create.error} /> : null}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="off"
              required
              data-autofocus
              error={errorText(errors.email)}
              {...form.register('email')}
            />
            <TextInput
              label={t('fields.name')}
              autoComplete="off"
              required
              error={errorText(errors.name)}
              {...form.register('name')}
            />
            <RoleAndOffice control={form.control} errors={errors} />
            <PasswordField
              label={t('fields.initialPassword')}
              description={t('form.passwordHint')}
              autoComplete="new-password"
              required
              style={{ flex: 1, minWidth: 0 }}
              visible={showPassword}
              onVisibilityChange={setShowPassword}
              error={errorText(errors.password)}
              {...form.register('password')}
            />
            <Group>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconRefresh size={16} aria-hidden="true" />}
                onClick={() => {
                  form.setValue('password', generatePassword(), { shouldValidate: true, shouldDirty: true });
                  setShowPassword(true);
                }}
              >
                {t('form.generate')}
              </Button>
            </Group>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Name, role and office of an account (a change of role or office signs the person out). */
export function EditUserDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserResponse;
  isSelf: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const errorText = useFieldErrorText();
  const update = useUpdateUser();
  const form = useForm<EditInput, unknown, UpdateUserRequest>({
    resolver: zodResolver(EditUserSchema),
    defaultValues: {
      name: user.name,
      role: user.role === 'FAMILY' ? undefined : user.role,
      officeCode: user.officeCode,
    },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    update.reset();
    const changes: UpdateUserRequest = {};
    if (values.name !== undefined && values.name !== user.name) changes.name = values.name;
    if (values.role !== undefined && values.role !== user.role) changes.role = values.role;
    if ((values.officeCode ?? null) !== user.officeCode) changes.officeCode = values.officeCode ?? null;
    if (Object.keys(changes).length === 0) return onClose();
    try {
      await update.mutateAsync({ id: user.id, changes });
      onClose();
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, ['name', 'role', 'officeCode'])) update.reset();
    }
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={onClose}
      title={t('edit.title', { name: user.name })}
      size="lg"
      closeOnClickOutside={false}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('edit.intro', { email: user.email })}
          </Text>
          {update.isError ? <FormAlert error={update.error} /> : null}
          <TextInput
            label={t('fields.name')}
            autoComplete="off"
            required
            data-autofocus
            error={errorText(errors.name)}
            {...form.register('name')}
          />
          <RoleAndOffice control={form.control} errors={errors} roleLocked={isSelf} />
          <Text size="sm">{t('edit.signOutNote')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
