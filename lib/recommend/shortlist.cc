// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/shortlist.h"

#include <algorithm>

namespace chatcart::recommend {
namespace {

// A class below the next costs more than any score: lower classes first.
constexpr float kClassStep = 10.f;

// Higher rank first (the score less the class's step); ties by product order,
// so results are deterministic.
struct ByScore {
  const Scored* s;
  std::span<const uint8_t> rank_class;
  float Key(size_t k) const {
    return rank_class.empty() ? s->score[k] : s->score[k] - kClassStep * rank_class[k];
  }
  bool operator()(size_t a, size_t b) const {
    const float ka = Key(a), kb = Key(b);
    if (ka != kb) return ka > kb;
    return s->products[a] < s->products[b];
  }
};

}  // namespace

bool SameProduct(const Recommender::Rep& rep, ProductIndex a, ProductIndex b) {
  if (rep.group_of[a] == rep.group_of[b]) return true;
  const Catalog& c = *rep.catalog;
  return c.brand_code(a) == c.brand_code(b) && c.product_name(a) == c.product_name(b);
}

uint32_t AlternativeFlagsOf(const Catalog& catalog, ProductIndex first, ProductIndex c) {
  uint32_t flags = kAlternativeNone;
  const int64_t pf = catalog.price_column()[first], pc = catalog.price_column()[c];
  if (pf != Catalog::kNoPrice && pc != Catalog::kNoPrice && pc < pf &&
      catalog.price_currency(first) == catalog.price_currency(c)) {
    flags |= kAlternativeCheaper;
  }
  const uint32_t bf = catalog.brand_code(first), bc = catalog.brand_code(c);
  if (bf != 0 && bc != 0 && bf != bc) flags |= kAlternativeOtherBrand;
  return flags;
}

Shortlist SelectShortlist(const Recommender::Rep& rep, const Scored& scored, int top,
                          std::span<const size_t> fixed, std::span<const uint8_t> rank_class) {
  Shortlist out;
  const size_t n = scored.products.size();
  if (n == 0 || top <= 0) return out;
  const Catalog& c = *rep.catalog;
  const double diversity = rep.options.diversity;
  const ByScore by_score{&scored, rank_class};

  std::vector<size_t> order(n);
  for (size_t k = 0; k < n; ++k) order[k] = k;
  // A pool of the best, grown when variants and duplicates use it up.
  size_t pool = std::min(n, std::max<size_t>(64, static_cast<size_t>(top) * 16));
  // Sorts order[from, to) to hold the best of order[from, n), in order.
  auto sort_prefix = [&](size_t from, size_t to) {
    const auto begin = order.begin() + static_cast<std::ptrdiff_t>(from);
    const auto mid = order.begin() + static_cast<std::ptrdiff_t>(to);
    if (mid != order.end()) std::nth_element(begin, mid, order.end(), by_score);
    std::sort(begin, mid, by_score);
  };
  sort_prefix(0, pool);
  // Per candidate: used (picked, or a duplicate of a pick) and the diversity
  // penalty the picks so far put on it, both kept up to date as picks are
  // added, so each round is one scan of the pool.
  std::vector<char> used(n, 0);
  std::vector<float> penalty(n, 0.f);
  auto account = [&](size_t pick, size_t k) {
    if (used[k]) return;
    const ProductIndex i = scored.products[k], j = scored.products[pick];
    if (SameProduct(rep, i, j)) {
      used[k] = 1;
      return;
    }
    const uint32_t brand = c.brand_code(i);
    if (brand != 0 && brand == c.brand_code(j)) penalty[k] += static_cast<float>(diversity);
    if (rep.category_of[i] == rep.category_of[j]) penalty[k] += static_cast<float>(diversity / 2);
  };
  auto duplicate = [&](size_t k) {
    for (size_t p : out.picks) {
      if (SameProduct(rep, scored.products[p], scored.products[k])) return true;
    }
    return false;
  };
  for (size_t k : fixed) {
    if (out.picks.size() == static_cast<size_t>(top)) break;
    if (used[k] || duplicate(k)) continue;
    used[k] = 1;
    out.picks.push_back(k);
    for (size_t r = 0; r < pool; ++r) account(k, order[r]);
  }
  const size_t fixed_picks = out.picks.size();
  while (out.picks.size() < static_cast<size_t>(top)) {
    double best = -1e9;
    size_t best_at = n;
    for (size_t r = 0; r < pool; ++r) {
      const size_t k = order[r];
      if (used[k]) continue;
      // The pool is sorted and penalties are >= 0: once a key is no
      // better than the best value, nothing further can beat it.
      if (by_score.Key(k) <= best) break;
      const double value = by_score.Key(k) - penalty[k];
      if (value > best) {
        best = value;
        best_at = k;
      }
    }
    if (best_at == n) {
      if (pool == n) break;
      const size_t grown = std::min(n, pool * 4);
      sort_prefix(pool, grown);
      for (size_t r = pool; r < grown; ++r) {
        for (size_t p : out.picks) account(p, order[r]);
      }
      pool = grown;
      continue;
    }
    used[best_at] = 1;
    out.picks.push_back(best_at);
    for (size_t r = 0; r < pool; ++r) account(best_at, order[r]);
  }

  if (top < 2 || out.picks.empty()) return out;
  const ProductIndex first = scored.products[out.picks[0]];
  for (size_t p = 1; p < out.picks.size(); ++p) {
    uint32_t flags = AlternativeFlagsOf(c, first, scored.products[out.picks[p]]);
    if (flags != kAlternativeNone) {
      out.alternative = static_cast<int>(p);
      out.alternative_flags = flags;
      return out;
    }
  }
  // None among the picks: the best candidate that is one, if any.
  size_t best_at = n;
  uint32_t best_flags = kAlternativeNone;
  for (size_t k = 0; k < n; ++k) {
    uint32_t flags = AlternativeFlagsOf(c, first, scored.products[k]);
    if (flags == kAlternativeNone || duplicate(k)) continue;
    if (best_at == n || by_score(k, best_at)) {
      best_at = k;
      best_flags = flags;
    }
  }
  if (best_at == n) return out;
  if (out.picks.size() == static_cast<size_t>(top)) {
    if (out.picks.size() <= fixed_picks) return out;  // never displace a ladder step
    out.picks.pop_back();
  }
  out.picks.push_back(best_at);
  out.alternative = static_cast<int>(out.picks.size() - 1);
  out.alternative_flags = best_flags;
  return out;
}

}  // namespace chatcart::recommend
