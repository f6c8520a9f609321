import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import type { ReportGroupBy, ReportSummaryRow } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../utils/format-number';

// Loaded on its own (React.lazy): recharts is the heaviest part of the dashboard, and the tables
// beside the charts show the same figures while it loads. The chart is hidden from assistive
// technology (aria-hidden, no keyboard stops): the table is its accessible form.

export interface BreakdownChartProps {
  groupBy: ReportGroupBy;
  rows: ReportSummaryRow[];
  /** Opens the case list for a row; undefined when the row cannot be opened. */
  linkOf: (row: ReportSummaryRow) => string | null;
  onOpen: (link: string) => void;
}

// Text-contrast-safe shades (3:1 against white for graphics, most 4.5:1).
const COLORS = ['blue.7', 'teal.8', 'orange.8', 'grape.7', 'red.8', 'cyan.8', 'lime.9', 'pink.7', 'indigo.7', 'gray.7'];
const DONUT: readonly ReportGroupBy[] = ['sex', 'office'];
// Long category names read better as horizontal bars with the names on the left.
const HORIZONTAL: readonly ReportGroupBy[] = ['fateStatus', 'workflowStatus', 'community', 'municipality', 'ageGroup'];

export default function BreakdownChart({ groupBy, rows, linkOf, onOpen }: BreakdownChartProps) {
  const { t } = useTranslation('dashboard');
  const open = (index: number) => {
    const row = rows[index];
    const link = row ? linkOf(row) : null;
    if (link) onOpen(link);
  };

  if (DONUT.includes(groupBy)) {
    const data = rows
      .map((row, i) => ({ name: row.label, value: row.count, color: COLORS[i % COLORS.length], index: i }))
      .filter((cell) => cell.value > 0);
    return (
      <div aria-hidden="true">
        <DonutChart
          data={data}
          size={180}
          thickness={28}
          mx="auto"
          withLabelsLine
          withLabels
          labelsType="value"
          tooltipDataSource="segment"
          valueFormatter={formatCount}
          pieChartProps={{ accessibilityLayer: false }}
          pieProps={{
            // No keyboard stop inside the aria-hidden chart (the table is the accessible form).
            rootTabIndex: -1,
            onClick: (_: unknown, i: number) => open(data[i]?.index ?? -1),
            style: { cursor: 'pointer' },
          }}
        />
      </div>
    );
  }

  const horizontal = HORIZONTAL.includes(groupBy);
  const data = rows.map((row) => ({ label: row.label, count: row.count }));
  const height = horizontal ? Math.max(140, rows.length * 26 + 40) : 240;
  return (
    <div aria-hidden="true">
      <BarChart
        h={height}
        data={data}
        dataKey="label"
        orientation={horizontal ? 'vertical' : 'horizontal'}
        series={[{ name: 'count', label: t('chart.count'), color: 'blue.7' }]}
        valueFormatter={formatCount}
        gridAxis={horizontal ? 'x' : 'y'}
        tickLine="none"
        accessibilityLayer={false}
        yAxisProps={horizontal ? { width: 150, interval: 0 } : undefined}
        xAxisProps={horizontal ? undefined : { interval: 'preserveStartEnd' }}
        barProps={{ onClick: (_: unknown, i: number) => open(i), style: { cursor: 'pointer' } }}
        maxBarWidth={40}
      />
    </div>
  );
}
