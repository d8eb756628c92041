// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/ladder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "recommend/shortlist.h"

namespace chatcart::recommend {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// Per eligible candidate: price, quality values (higher is better), score.
struct Eligible {
  std::vector<size_t> k;           // index into Scored::products
  std::vector<int64_t> price;
  std::vector<std::vector<double>> q;  // [attribute][e], sign-adjusted
  std::vector<double> s;           // mean percentile rank, 0..1
};

// Whether e2 matches e1 on every quality attribute (>= on each).
bool Matches(const Eligible& el, size_t e2, size_t e1) {
  for (const std::vector<double>& q : el.q) {
    if (q[e2] < q[e1]) return false;
  }
  return true;
}

// While a cheaper eligible product matches e on every attribute, move to
// the cheapest such one (its quality is at least e's).
size_t Frontier(const Eligible& el, size_t e) {
  for (;;) {
    size_t better = kNone;
    for (size_t j = 0; j < el.k.size(); ++j) {
      if (el.price[j] >= el.price[e] || !Matches(el, j, e)) continue;
      if (better == kNone || el.price[j] < el.price[better] ||
          (el.price[j] == el.price[better] && el.s[j] > el.s[better])) {
        better = j;
      }
    }
    if (better == kNone) return e;
    e = better;
  }
}

// Per eligible product: whether no cheaper one matches it on every
// attribute. One sweep by price against the frontier so far (a product
// matched by a matched one is matched by its matcher too), equal prices
// tested together.
std::vector<char> OnFrontier(const Eligible& el) {
  const size_t n = el.k.size();
  std::vector<size_t> by_price(n);
  for (size_t e = 0; e < n; ++e) by_price[e] = e;
  std::stable_sort(by_price.begin(), by_price.end(),
                   [&](size_t a, size_t b) { return el.price[a] < el.price[b]; });
  std::vector<char> on(n, 0);
  std::vector<size_t> frontier;
  for (size_t g = 0; g < n;) {
    size_t end = g;
    while (end < n && el.price[by_price[end]] == el.price[by_price[g]]) ++end;
    const size_t cheaper = frontier.size();
    for (size_t x = g; x < end; ++x) {
      const size_t e = by_price[x];
      bool matched = false;
      for (size_t f = 0; f < cheaper && !matched; ++f) matched = Matches(el, frontier[f], e);
      if (!matched) {
        on[e] = 1;
        frontier.push_back(e);
      }
    }
    g = end;
  }
  return on;
}

}  // namespace

std::vector<QualityAttribute> QualityOf(const Recommender::Rep& rep, const Scored& scored) {
  const Catalog& c = *rep.catalog;
  std::map<const QualitySpec*, size_t> count;
  for (ProductIndex i : scored.products) {
    if (const QualitySpec* spec = c.QualityFor(rep.category_of[i])) ++count[spec];
  }
  const QualitySpec* best = nullptr;
  size_t most = 0;
  for (const auto& [spec, n] : count) {
    if (n > most || (n == most && best != nullptr && spec->category < best->category)) {
      best = spec;
      most = n;
    }
  }
  return best == nullptr ? std::vector<QualityAttribute>() : best->attributes;
}

std::optional<Ladder> BuildLadder(const Recommender::Rep& rep, const Scored& scored,
                                  int64_t budget_top) {
  const Catalog& c = *rep.catalog;
  std::span<const int64_t> prices = c.price_column();
  Ladder ladder;
  ladder.budget_top = budget_top;
  ladder.quality = QualityOf(rep, scored);

  // The eligible products: priced, with every quality attribute.
  Eligible el;
  const size_t attrs = ladder.quality.size();
  el.q.assign(attrs, {});
  for (size_t k = 0; k < scored.products.size(); ++k) {
    const ProductIndex i = scored.products[k];
    if (prices[i] == Catalog::kNoPrice) continue;
    bool all = true;
    double values[16];
    for (size_t a = 0; a < attrs && a < 16; ++a) {
      std::optional<double> v = c.number_column(ladder.quality[a].attribute).Get(i);
      if (!v) {
        all = false;
        break;
      }
      values[a] = ladder.quality[a].more_is_better ? *v : -*v;
    }
    if (!all) continue;
    el.k.push_back(k);
    el.price.push_back(prices[i]);
    for (size_t a = 0; a < attrs && a < 16; ++a) el.q[a].push_back(values[a]);
  }
  const size_t n = el.k.size();
  if (attrs == 0 || n < 3) {
    // A price ladder over every priced candidate.
    ladder.quality.clear();
    el = Eligible();
    for (size_t k = 0; k < scored.products.size(); ++k) {
      const ProductIndex i = scored.products[k];
      if (prices[i] == Catalog::kNoPrice) continue;
      el.k.push_back(k);
      el.price.push_back(prices[i]);
    }
  }
  const size_t m = el.k.size();
  if (m < 2) return std::nullopt;

  // Near the top: from 80 % of the budget's top; when nothing is priced
  // there, the dearest fifth of what fits.
  int64_t dearest = 0;
  for (int64_t p : el.price) dearest = std::max(dearest, p);
  ladder.band_hi = budget_top;
  ladder.band_lo = budget_top - budget_top / 5;
  if (dearest < ladder.band_lo) {
    ladder.band_hi = dearest;
    ladder.band_lo = dearest - dearest / 5;
  }
  auto score = [&](size_t e) { return scored.score[el.k[e]]; };
  auto same = [&](size_t a, size_t b) {
    return a == b || SameProduct(rep, scored.products[el.k[a]], scored.products[el.k[b]]);
  };
  auto push = [&](size_t e, const char* tier) {
    if (e == kNone) return;
    for (const LadderStep& s : ladder.steps) {
      for (size_t x = 0; x < m; ++x) {
        if (el.k[x] == s.candidate && same(x, e)) return;
      }
    }
    ladder.steps.push_back({el.k[e], tier});
  };

  if (ladder.quality.empty()) {
    // By price: the best score near the top, in the middle, the cheapest.
    size_t best = kNone, middle = kNone, lowest = kNone;
    // 40 % of the top, without overflow for a budget near INT64_MAX.
    const int64_t mid_lo = budget_top / 5 * 2 + budget_top % 5 * 2 / 5, mid_hi = ladder.band_lo;
    for (size_t e = 0; e < m; ++e) {
      const int64_t p = el.price[e];
      auto better = [&](size_t cur) {
        return cur == kNone || score(e) > score(cur) ||
               (score(e) == score(cur) && el.price[e] < el.price[cur]);
      };
      if (p >= ladder.band_lo && better(best)) best = e;
      if (p >= mid_lo && p < mid_hi && better(middle)) middle = e;
      if (lowest == kNone || p < el.price[lowest] ||
          (p == el.price[lowest] && score(e) > score(lowest))) {
        lowest = e;
      }
    }
    push(best, "top");
    push(middle, "middle");
    push(lowest, "lowest");
    return ladder;
  }

  // Quality: the mean of percentile ranks (mid-rank for ties).
  el.s.assign(n, 0.0);
  for (size_t a = 0; a < attrs; ++a) {
    std::vector<double> sorted = el.q[a];
    std::sort(sorted.begin(), sorted.end());
    for (size_t e = 0; e < n; ++e) {
      const auto lo = std::lower_bound(sorted.begin(), sorted.end(), el.q[a][e]);
      const auto hi = std::upper_bound(sorted.begin(), sorted.end(), el.q[a][e]);
      const double below = static_cast<double>(lo - sorted.begin());
      const double equal = static_cast<double>(hi - lo);
      el.s[e] += (below + 0.5 * equal) / static_cast<double>(n) / static_cast<double>(attrs);
    }
  }
  auto higher = [&](size_t e, size_t cur) {
    if (cur == kNone) return true;
    if (el.s[e] != el.s[cur]) return el.s[e] > el.s[cur];
    if (el.price[e] != el.price[cur]) return el.price[e] < el.price[cur];
    return score(e) > score(cur);
  };
  size_t best = kNone;
  for (size_t e = 0; e < n; ++e) {
    if (el.price[e] >= ladder.band_lo && el.price[e] <= ladder.band_hi && higher(e, best)) best = e;
  }
  std::vector<double> sorted_s = el.s;
  std::sort(sorted_s.begin(), sorted_s.end());
  const double median = sorted_s[(n - 1) / 2];
  size_t good = kNone;
  for (size_t e = 0; e < n; ++e) {
    if (el.s[e] < median) continue;
    if (good == kNone || el.price[e] < el.price[good] ||
        (el.price[e] == el.price[good] && higher(e, good))) {
      good = e;
    }
  }
  if (good != kNone) good = Frontier(el, good);
  size_t better = kNone;
  if (good != kNone && best != kNone && el.price[good] < el.price[best]) {
    double step = -1;
    for (size_t e = 0; e < n; ++e) {
      if (el.price[e] <= el.price[good] || el.price[e] >= el.price[best] ||
          el.s[e] <= el.s[good]) {
        continue;
      }
      const double gain =
          (el.s[e] - el.s[good]) / static_cast<double>(el.price[e] - el.price[good]);
      if (gain > step) {
        step = gain;
        better = e;
      }
    }
    if (better != kNone) {
      better = Frontier(el, better);
      if (same(better, good) || el.price[better] <= el.price[good]) better = kNone;
    }
  }
  push(best, "best");
  push(better, "better");
  if (good != kNone && (best == kNone || !same(good, best))) push(good, "good");

  // The rest: what no cheaper product matches, best quality first, brands
  // the steps do not have first.
  std::vector<size_t> frontier;
  const std::vector<char> on = OnFrontier(el);
  for (size_t e = 0; e < n; ++e) {
    if (on[e]) frontier.push_back(e);
  }
  auto brand_taken = [&](size_t e) {
    const uint32_t b = c.brand_code(scored.products[el.k[e]]);
    for (const LadderStep& st : ladder.steps) {
      if (c.brand_code(scored.products[st.candidate]) == b) return true;
    }
    return false;
  };
  std::stable_sort(frontier.begin(), frontier.end(), [&](size_t a, size_t b) {
    const bool ta = brand_taken(a), tb = brand_taken(b);
    if (ta != tb) return !ta;
    return higher(a, b);
  });
  for (size_t e : frontier) {
    if (ladder.fill.size() == 16) break;
    ladder.fill.push_back(el.k[e]);
  }
  return ladder;
}

}  // namespace chatcart::recommend
