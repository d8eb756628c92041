// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/resolve.h"

#include <algorithm>

namespace chatcart::entities {

void Resolve(std::vector<Candidate>* candidates) {
  std::vector<Candidate>& c = *candidates;
  // Insertion sort: stable, and no allocation for the few candidates of a
  // chat message (quadratic only for thousands, at the 2,000-character cut).
  auto before = [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    const uint32_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    return a.begin < b.begin;
  };
  for (size_t i = 1; i < c.size(); ++i) {
    if (!before(c[i], c[i - 1])) continue;
    Candidate moving = std::move(c[i]);
    size_t j = i;
    while (j > 0 && before(moving, c[j - 1])) {
      c[j] = std::move(c[j - 1]);
      --j;
    }
    c[j] = std::move(moving);
  }
  size_t kept = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i].end <= c[i].begin) continue;
    bool overlaps = false;
    for (size_t k = 0; k < kept && !overlaps; ++k) {
      overlaps = c[i].begin < c[k].end && c[k].begin < c[i].end;
    }
    if (overlaps) continue;
    if (kept != i) c[kept] = std::move(c[i]);
    ++kept;
  }
  c.resize(kept);
  std::sort(c.begin(), c.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
}

}  // namespace chatcart::entities
