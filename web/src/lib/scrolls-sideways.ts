/**
 * A table too wide for the screen scrolls sideways on its own (app.css): while it does, it
 * takes the keyboard focus, so that the arrow keys can scroll it; while it fits, it is no stop
 * on the way through the page, and keeps whatever tabindex it was given.
 */
export function scrollsSideways(table: HTMLElement) {
  const given = table.getAttribute('tabindex');
  const update = () => {
    const tabindex = table.scrollWidth > table.clientWidth ? '0' : given;
    if (tabindex === null) table.removeAttribute('tabindex');
    else table.setAttribute('tabindex', tabindex);
  };
  const resized = new ResizeObserver(update);
  resized.observe(table);
  return { destroy: () => resized.disconnect() };
}
