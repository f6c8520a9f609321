import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { ReportMonth } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMonth } from '../utils/format-number';

/** The monthly series as grouped bars (lazy, hidden from assistive technology: the table beside it is its accessible form). */
export default function MonthlyChart({ months }: { months: ReportMonth[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <div aria-hidden="true">
      <BarChart
        h={260}
        data={months.map((m) => ({ ...m, label: formatMonth(m.month) }))}
        dataKey="label"
        series={[
          { name: 'newCases', label: t('monthly.newCases'), color: 'blue.7' },
          { name: 'stageChanges', label: t('monthly.stageChanges'), color: 'orange.8' },
          { name: 'familyContacts', label: t('monthly.familyContacts'), color: 'teal.8' },
        ]}
        valueFormatter={formatCount}
        withLegend
        tickLine="none"
        gridAxis="y"
        accessibilityLayer={false}
        maxBarWidth={18}
      />
    </div>
  );
}
