// @vitest-environment jsdom
/** The educator view labels the opioid curve as an engine assumption and has a presentation mode. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import EducatorChart from '../../src/ui/EducatorChart.tsx';

describe('educator view', () => {
  it('labels the opioid curve as the methadone rules applied to every full agonist (engine assumption)', () => {
    render(<EducatorChart plan={null} />);
    const note = screen.getByText(/methadone missed-dose rules/).closest('p')!;
    expect(note).toHaveTextContent(/^Engine assumption The methadone missed-dose rules .* applied to every full-agonist opioid/);
  });

  it('no such label on a benzodiazepine curve', async () => {
    const user = userEvent.setup({ delay: null });
    render(<EducatorChart plan={null} />);
    await user.click(screen.getByLabelText('Benzodiazepines and Z-drugs'));
    expect(screen.queryByText(/methadone missed-dose rules/)).not.toBeInTheDocument();
  });

  it('the benzodiazepine hint speaks of the withdrawal window the model uses, not a washout day', async () => {
    const user = userEvent.setup({ delay: null });
    render(<EducatorChart plan={null} />);
    await user.click(screen.getByLabelText('Benzodiazepines and Z-drugs'));
    expect(screen.getByText(/longest half-life/)).toHaveTextContent(/^The withdrawal window .* depends on the drug’s longest half-life/);
    expect(screen.queryByText(/washout/)).not.toBeInTheDocument();
  });

  it('presentation mode is a toggle button; Escape leaves it', async () => {
    const user = userEvent.setup({ delay: null });
    const { container } = render(<EducatorChart plan={null} />);
    const button = screen.getByRole('button', { name: 'Presentation mode' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(container.querySelector('.educator')).toHaveClass('presenting');
    expect(screen.getByRole('button', { name: 'Leave presentation mode' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(container.querySelector('.educator')).not.toHaveClass('presenting');
  });
});
