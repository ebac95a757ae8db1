/* Gương sáng: the search page (tim-kiem/), on top of Pagefind's JavaScript API.
 *
 * Readers type with or without accents. The query is folded the way the index was
 * (guongsang.text.fold: NFD, combining marks dropped, đ -> d, lower case); the index holds
 * the extra spellings Pagefind's own folding misses (see src/guongsang/site/search.py).
 * A query typed with accents puts exact matches first: for each accented word, every
 * old/new tone placement and i/y spelling is looked up with Pagefind's exactDiacritics
 * mode, and results matching more of those words move up.
 * Pagefind is loaded only on this page, only when there is something to search.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var MAX_QUERY = 100;
  var MAX_LOOKUP = 2;    // words looked up in the index (see plan())
  var MAX_CHECK = 30;    // results fetched per page of results when other words must match
  var MAX_RANK = 30;     // first results re-ranked by whole-word matches (see wholeWordKey)
  var PROFILE_KIND = "Hồ sơ";
  var BLOCK_OPEN = "\u27e6";
  var BLOCK_CLOSE = "\u27e7";
  var TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
  var VOWELS = "aăâeêioôơuưy";
  var IY = /^(qu|[bcdđghklmnpqrstvx]+)([iy])$/;

  /** Same result as guongsang.text.fold (invisible format characters, \p{Cf}, dropped too). */
  function fold(text) {
    return text.normalize("NFC").toLowerCase().normalize("NFD")
      .replace(/[\p{Mn}\p{Cf}]/gu, "").replace(/đ/g, "d");
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

  /* Which folded words Pagefind looks up. Pagefind downloads one index chunk (up to ~60 KB
     at 5,000 profiles) per word, so it is asked about the two longest words only; the others
     are checked on the results themselves (hasAll). This keeps one search under 300 KB
     whatever the length of the query. */
  function plan(query) {
    var terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t, i, all) {
      return t && all.indexOf(t) === i;
    });
    var core = terms.slice().sort(function (a, b) { return b.length - a.length; })
      .slice(0, MAX_LOOKUP);
    core = terms.filter(function (t) { return core.indexOf(t) >= 0; });
    return { terms: terms, core: core,
             extra: terms.filter(function (t) { return core.indexOf(t) < 0; }) };
  }

  /** Does every word of ``words`` begin some word of the result (name, description, text)? */
  function hasAll(data, words) {
    if (!words.length) return true;
    var meta = data.meta || {};
    var tokens = fold([meta.title, meta.mo_ta, data.content].join(" ")).split(/[^\p{L}\p{N}]+/u);
    return words.every(function (w) {
      return tokens.some(function (t) { return t.indexOf(w) === 0; });
    });
  }

  /* Pagefind matches the start of words, so "hoa" also finds Hoàng, Hoài and every page
     that says "số hoá". The first results of every query are re-ranked:
     the more query words equal a whole word of the title (compared folded), the earlier;
     among equals, a person's profile (a name typed is most often a person) comes first; then
     Pagefind's own order. Names that merely start with the syllable (Hoàng) go after. */
  function wholeWordKey(data, terms) {
    var meta = data.meta || {};
    var title = fold(meta.title || "").split(/[^\p{L}\p{N}]+/u);
    var hits = terms.filter(function (t) { return title.indexOf(t) >= 0; }).length;
    return { hits: hits, profile: hits && meta.loai === PROFILE_KIND ? 1 : 0 };
  }

  function byWholeWords(items, terms) {
    return items.map(function (item, i) {
      var key = wholeWordKey(item.data, terms);
      return { item: item, i: i, hits: key.hits, profile: key.profile };
    }).sort(function (a, b) { return b.hits - a.hits || b.profile - a.profile || a.i - b.i; })
      .map(function (x) { return x.item; });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold: fold, variants: variants, cleanExcerpt: cleanExcerpt,
                       isAccented: isAccented, plan: plan, hasAll: hasAll,
                       byWholeWords: byWholeWords };
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
  var current = { seq: 0, results: [], shown: 0, cursor: 0, query: "", terms: [], extra: [] };

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
  /* The first MAX_RANK results by whole-word matches (byWholeWords), the rest as they were.
     Their data (a small fragment each) is fetched once and kept by Pagefind for display. */
  function rankWholeWords(results, terms) {
    if (results.length < 2 || !terms.length) return Promise.resolve(results);
    var head = results.slice(0, MAX_RANK);
    return Promise.all(head.map(function (r) { return r.data(); })).then(function (datas) {
      var items = head.map(function (r, i) { return { r: r, data: datas[i] }; });
      return byWholeWords(items, terms).map(function (x) { return x.r; })
        .concat(results.slice(MAX_RANK));
    });
  }

  /* Accented words first (exactRank), then whole words (rankWholeWords, a stable sort that
     keeps the accented order among equals): "Hòa" matches "Hoàng" exactly too, as a start. */
  function rank(pf, query, results, terms) {
    return exactRank(pf, query, results).then(function (ranked) {
      return rankWholeWords(ranked, terms);
    });
  }

  function exactRank(pf, query, results) {
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

  /** Append ``text`` to ``parent``, marking the words that start like a query word. */
  function highlighted(parent, text, terms) {
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (part, i) {
      var hit = i % 2 === 1 && terms.some(function (t) { return fold(part).indexOf(t) === 0; });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
    return parent;
  }

  function render(data, terms) {
    var li = document.createElement("li");
    li.className = "gs-search__result";
    var a = document.createElement("a");
    a.href = data.url;
    a.className = "gs-search__title";
    highlighted(a, (data.meta && data.meta.title) || data.url, terms);
    li.appendChild(a);
    if (data.meta && data.meta.loai) {
      var kind = document.createElement("span");
      kind.className = "gs-search__kind";
      kind.textContent = data.meta.loai;
      li.appendChild(kind);
    }
    // The page's own description reads better than an excerpt of the index, which lacks
    // function words (see STOP_WORDS in src/guongsang/site/search.py).
    if (data.meta && data.meta.mo_ta) {
      var p = document.createElement("p");
      p.className = "gs-search__excerpt";
      li.appendChild(highlighted(p, data.meta.mo_ta, terms));
    } else {
      var excerpt = cleanExcerpt(data.excerpt || "");
      if (excerpt) li.appendChild(excerptNode(excerpt));
    }
    return li;
  }

  /* Show the next results. When the query has words Pagefind was not asked about (see
     plan()), each candidate is checked against them and at most MAX_CHECK are fetched per
     call, so a long query never costs more than a short one plus a few small fragments. */
  function showMore(seq, focusFirst) {
    var shown = 0;
    var checked = 0;
    var first = null;
    function step() {
      var want = Math.min(PAGE_SIZE - shown, MAX_CHECK - checked);
      var slice = current.results.slice(current.cursor, current.cursor + want);
      if (!slice.length || want <= 0) return Promise.resolve();
      current.cursor += slice.length;
      checked += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
        if (seq !== current.seq) return null;
        datas.forEach(function (d) {
          if (!hasAll(d, current.extra)) return;
          var li = render(d, current.terms);
          list.appendChild(li);
          first = first || li.querySelector("a");
          shown += 1;
        });
        return step();
      });
    }
    return step().then(function () {
      if (seq !== current.seq) return;
      current.shown += shown;
      more.hidden = current.cursor >= current.results.length;
      if (focusFirst && first) first.focus();
    });
  }

  function run(raw) {
    var query = raw.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY);
    var seq = ++current.seq;
    var words = plan(query);
    current.query = query;
    current.terms = words.terms;
    current.extra = words.extra;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    list.textContent = "";
    more.hidden = true;
    current.results = [];
    current.shown = 0;
    current.cursor = 0;
    if (!words.terms.length) { setStatus(""); return Promise.resolve(); }
    setStatus("Đang tìm…");
    var accented = query.split(/\s+/).filter(function (w) {
      return words.core.indexOf(fold(w)) >= 0;
    });
    return loadPagefind().then(function (pf) {
      return exclusive(function () {
        if (seq !== current.seq) return null;
        return pf.search(words.core.join(" ")).then(function (search) {
          if (seq !== current.seq) return null;
          return rank(pf, accented.join(" "), search ? search.results : [], words.terms);
        });
      });
    }).then(function (results) {
      if (results === null || seq !== current.seq) return;
      current.results = results;
      var none = "Không tìm thấy kết quả nào cho «" + query + "». Hãy thử gõ ít chữ hơn.";
      if (!results.length) { setStatus(none); return; }
      return showMore(seq, false).then(function () {
        if (seq !== current.seq) return;
        if (!current.extra.length) {
          setStatus("Tìm thấy " + count(results.length) + " kết quả cho «" + query + "».");
        } else if (current.shown) {
          setStatus("Các kết quả khớp với «" + query + "»:");
        } else if (!more.hidden) {
          setStatus("Chưa thấy kết quả khớp mọi từ của «" + query + "»; bấm “Xem thêm kết quả” để tìm tiếp.");
        } else {
          setStatus(none);
        }
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
