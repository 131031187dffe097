// storyreader's HTML report. Without this script the page reads as well: every linked
// sentence is a link to its partner. With it, a click selects the pair and scrolls the
// partner beside the sentence clicked; clicking again steps through the sentence's
// other partners; n / N (or ] / [) step through the pairs, as in the terminal.
"use strict";
(() => {
  let selected = null; // {from, to}: the ids of the pair's two sentences
  let step = -1; // the pair n / N reached, in the list of pairs

  const pieces = (id) => document.querySelectorAll(`[data-s="${id}"]`);

  function mark(id, on) {
    for (const piece of pieces(id)) piece.classList.toggle("sel", on);
  }

  function scroller(element) {
    const pane = element.closest(".pane");
    if (!pane || getComputedStyle(pane).overflowY === "visible") return null;
    return pane.scrollHeight > pane.clientHeight ? pane : null;
  }

  const topIn = (element, pane) =>
    element.getBoundingClientRect().top - pane.getBoundingClientRect().top;

  // Scroll `element` into view in its pane, level with `beside` when that is in a pane too.
  function bring(element, beside) {
    const pane = scroller(element);
    if (!pane) {
      element.scrollIntoView({ block: "center" });
      return;
    }
    const other = beside && scroller(beside);
    const wanted = other && other !== pane ? topIn(beside, other) : pane.clientHeight / 3;
    pane.scrollTop += topIn(element, pane) - wanted;
    // Near the end of its text the pane cannot scroll far enough: move the page instead.
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.top + Math.min(box.height, 20) > window.innerHeight) {
      element.scrollIntoView({ block: "nearest" });
    }
  }

  function select(from, to, clicked) {
    if (selected) {
      mark(selected.from, false);
      mark(selected.to, false);
    }
    selected = { from, to };
    mark(from, true);
    mark(to, true);
    const origin = clicked || document.getElementById(from);
    const partner = document.getElementById(to);
    if (!clicked && origin) bring(origin, null);
    if (partner) bring(partner, origin);
  }

  document.addEventListener("click", (event) => {
    const sentence = event.target.closest("a.s");
    if (sentence) {
      event.preventDefault();
      const partners = sentence.dataset.p.split(" ");
      const from = sentence.dataset.s;
      let to = partners[0];
      if (selected && selected.from === from) {
        to = partners[(partners.indexOf(selected.to) + 1) % partners.length];
      }
      select(from, to, sentence);
      return;
    }
    const go = event.target.closest("a.go");
    const pair = go && go.closest(".pair");
    if (pair) {
      event.preventDefault();
      document.getElementById("panes").scrollIntoView({ block: "start" });
      step = [...document.querySelectorAll(".pair")].indexOf(pair);
      select(pair.dataset.a, pair.dataset.b, null);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const forward = event.key === "n" || event.key === "]";
    const back = event.key === "N" || event.key === "[";
    const pairs = document.querySelectorAll(".pair");
    if ((!forward && !back) || pairs.length === 0) return;
    if (step < 0) step = forward ? 0 : pairs.length - 1;
    else step = (step + (forward ? 1 : -1) + pairs.length) % pairs.length;
    select(pairs[step].dataset.a, pairs[step].dataset.b, null);
  });

  // Paper shows what the folded lists hold.
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
})();
