import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { SearchBox } from './SearchBox';

describe('SearchBox', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('searches once, after typing pauses (debounced)', () => {
    const onSearch = jest.fn();
    renderWithProviders(<SearchBox value="" onSearch={onSearch} delay={300} />);
    const input = screen.getByRole('searchbox', { name: /Suche nach Name/ });
    fireEvent.change(input, { target: { value: 'Deu' } });
    fireEvent.change(input, { target: { value: 'Deutsch ' } });
    act(() => jest.advanceTimersByTime(299));
    expect(onSearch).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(onSearch).toHaveBeenCalledWith('Deutsch');
  });

  it('searches at once on Enter', () => {
    const onSearch = jest.fn();
    renderWithProviders(<SearchBox value="" onSearch={onSearch} />);
    const input = screen.getByRole('searchbox');
    fireEvent.change(input, { target: { value: 'Beratung' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(onSearch).toHaveBeenCalledWith('Beratung');
    act(() => jest.advanceTimersByTime(1000));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });
});
