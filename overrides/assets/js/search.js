/* Gương sáng: the search page (tim-kiem/), on top of Pagefind's JavaScript API.
 *
 * Readers type with or without accents. The query is folded the way the index was
 * (guongsang.text.fold: NFD, combining marks dropped, đ -> d, lower case); the index holds
 * the extra spellings Pagefind's own folding misses (see src/guongsang/search.py).
 * A query typed with accents puts exact matches first: for each accented word, every
 * old/new tone placement and i/y spelling is looked up with Pagefind's exactDiacritics
 * mode, and results matching more of those words move up.
 * Pagefind is loaded only on this page, only when there is something to search.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var MAX_QUERY = 100;
  var BLOCK_OPEN = "\u27e6";
  var BLOCK_CLOSE = "\u27e7";
  var TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
  var VOWELS = "aăâeêioôơuưy";
  var IY = /^(qu|[bcdđghklmnpqrstvx]+)([iy])$/;

  /** Same result as guongsang.text.fold. */
  function fold(text) {
    return text.normalize("NFC").toLowerCase().normalize("NFD")
      .replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
  }

  function isAccented(word) {
    var lower = word.normalize("NFC").toLowerCase();
    return fold(lower) !== lower;
  }

  /** Spellings of one word that count as the same word: tone on any vowel, i or y. */
  function variants(word) {
    var nfd = word.normalize("NFC").toLowerCase().normalize("NFD");
    var toneMatch = nfd.match(TONE);
    var tone = toneMatch ? toneMatch[0] : "";
    var base = nfd.replace(TONE, "").normalize("NFC");
    var bases = [base];
    var iy = base.match(IY);
    if (iy) bases.push(iy[1] + (iy[2] === "i" ? "y" : "i"));
    var out = [];
    bases.forEach(function (b) {
      if (!tone) { out.push(b); return; }
      for (var i = 0; i < b.length; i++) {
        if (VOWELS.indexOf(b[i]) >= 0) {
          out.push((b.slice(0, i + 1) + tone + b.slice(i + 1)).normalize("NFC"));
        }
      }
    });
    return out.filter(function (v, i) { return out.indexOf(v) === i; });
  }

  /** Pagefind's excerpt without the hidden extra spellings (between ⟦ and ⟧). */
  function cleanExcerpt(excerpt) {
    var s = excerpt.split(BLOCK_OPEN);
    var out = [];
    s.forEach(function (part, i) {
      var close = part.indexOf(BLOCK_CLOSE);
      if (i === 0) {
        // An excerpt may start inside the block: then a closing bracket comes first.
        out.push(close >= 0 ? part.slice(close + 1) : part);
      } else if (close >= 0) {
        out.push(part.slice(close + 1));
      }
    });
    return out.join(" ").replace(/\s+/g, " ").trim();
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold: fold, variants: variants, cleanExcerpt: cleanExcerpt,
                       isAccented: isAccented };
    return;
  }

  var root = document.querySelector("[data-gs-search]");
  if (!root) return;

  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var status = root.querySelector("[data-gs-search-status]");
  var list = root.querySelector("[data-gs-search-results]");
  var more = root.querySelector("[data-gs-search-more]");
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var siteRoot = new URL("../", bundle).pathname;

  var pagefindPromise = null;
  // Ranking switches the shared instance to exactDiacritics for a moment, so every use of
  // Pagefind goes through this queue: a search typed meanwhile never runs in exact mode.
  var lock = Promise.resolve();
  function exclusive(fn) {
    var next = lock.then(fn, fn);
    lock = next.catch(function () {});
    return next;
  }
  var current = { seq: 0, results: [], shown: 0, query: "" };

  function loadPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind.js", bundle).href).then(function (mod) {
        var pf = mod.createInstance({ basePath: bundle.pathname, noWorker: true });
        return pf.options({ baseUrl: siteRoot, excerptLength: 24 }).then(function () { return pf; });
      });
      pagefindPromise.catch(function () { pagefindPromise = null; });
    }
    return pagefindPromise;
  }

  function setStatus(text) { status.textContent = text; }

  function count(n) {
    try { return n.toLocaleString("vi-VN"); } catch (e) { return String(n); }
  }

  /* Results matching more accented words exactly come first; among those, the higher
     Pagefind's exact-match score (a name in the title weighs most); then Pagefind's order. */
  function rank(pf, query, results) {
    var words = query.split(/\s+/).filter(isAccented).slice(0, 5);
    if (!words.length || results.length < 2) return Promise.resolve(results);
    var counts = {};
    var scores = {};
    var chain = pf.options({ exactDiacritics: true });
    words.forEach(function (word) {
      var best = {};
      variants(word).forEach(function (v) {
        chain = chain.then(function () { return pf.search(v); }).then(function (s) {
          (s ? s.results : []).forEach(function (r) {
            best[r.id] = Math.max(best[r.id] || 0, r.score);
          });
        });
      });
      chain = chain.then(function () {
        Object.keys(best).forEach(function (id) {
          counts[id] = (counts[id] || 0) + 1;
          scores[id] = (scores[id] || 0) + best[id];
        });
      });
    });
    var restore = function () { return pf.options({ exactDiacritics: false }); };
    return chain.then(restore, function (err) { return restore().then(function () { throw err; }); })
      .then(function () {
        return results.map(function (r, i) {
          return { r: r, i: i, n: counts[r.id] || 0, s: scores[r.id] || 0 };
        }).sort(function (a, b) { return b.n - a.n || b.s - a.s || a.i - b.i; })
          .map(function (x) { return x.r; });
      });
  }

  function excerptNode(html) {
    // Keep only text and <mark>: the excerpt is the site's own text, but stay strict.
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var p = document.createElement("p");
    p.className = "gs-search__excerpt";
    (function copy(from, to) {
      from.childNodes.forEach(function (n) {
        if (n.nodeType === 3) { to.appendChild(document.createTextNode(n.textContent)); }
        else if (n.nodeType === 1) {
          var target = to;
          if (n.nodeName === "MARK") { target = document.createElement("mark"); to.appendChild(target); }
          copy(n, target);
        }
      });
    })(tpl.content, p);
    return p;
  }

  function render(data) {
    var li = document.createElement("li");
    li.className = "gs-search__result";
    var a = document.createElement("a");
    a.href = data.url;
    a.className = "gs-search__title";
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    if (data.meta && data.meta.loai) {
      var kind = document.createElement("span");
      kind.className = "gs-search__kind";
      kind.textContent = data.meta.loai;
      li.appendChild(kind);
    }
    var excerpt = cleanExcerpt(data.excerpt || "");
    if (excerpt.indexOf("<mark>") < 0 && data.meta && data.meta.mo_ta) {
      var p = document.createElement("p");
      p.className = "gs-search__excerpt";
      p.textContent = data.meta.mo_ta;
      li.appendChild(p);
    } else if (excerpt) {
      li.appendChild(excerptNode(excerpt));
    }
    return li;
  }

  function showMore(seq, focusFirst) {
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
      if (seq !== current.seq) return;
      var first = null;
      datas.forEach(function (d) {
        var li = render(d);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      current.shown += slice.length;
      more.hidden = current.shown >= current.results.length;
      if (focusFirst && first) first.focus();
    });
  }

  function run(raw) {
    var query = raw.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY);
    var seq = ++current.seq;
    current.query = query;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    list.textContent = "";
    more.hidden = true;
    current.results = [];
    current.shown = 0;
    if (!query) { setStatus(""); return Promise.resolve(); }
    setStatus("Đang tìm…");
    return loadPagefind().then(function (pf) {
      return exclusive(function () {
        if (seq !== current.seq) return null;
        return pf.search(fold(query)).then(function (search) {
          if (seq !== current.seq) return null;
          return rank(pf, query, search ? search.results : []);
        });
      });
    }).then(function (results) {
      if (results === null || seq !== current.seq) return;
      current.results = results;
      if (!results.length) {
        setStatus("Không tìm thấy kết quả nào cho «" + query + "». Hãy thử gõ ít chữ hơn.");
        return;
      }
      return showMore(seq, false).then(function () {
        if (seq !== current.seq) return;
        setStatus("Tìm thấy " + count(results.length) + " kết quả cho «" + query + "».");
      });
    }).catch(function () {
      if (seq !== current.seq) return;
      setStatus("Chưa tải được chức năng tìm kiếm. Hãy tải lại trang rồi thử lại.");
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  input.addEventListener("focus", function () { loadPagefind().catch(function () {}); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", function () { showMore(current.seq, true); });

  var initial = new URL(location.href).searchParams.get("q");
  if (initial !== null) {
    input.value = initial;
    if (initial.trim()) run(initial); else input.focus();
  }
})();
