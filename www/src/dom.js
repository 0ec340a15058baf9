// Small DOM helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

export function el(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function span(text, className) {
  return el("span", text, className);
}

/** Says `text` in the page's status line (a polite live region: screen readers read it out). */
export function announce(text) {
  $("status").textContent = text;
}
