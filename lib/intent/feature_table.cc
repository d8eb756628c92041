// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/feature_table.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"

namespace chatcart::intent {

FeatureTable FeatureTable::Build(const std::vector<std::vector<uint64_t>>& documents, int min_df) {
  // Document frequencies, then ids in order of first appearance, so the
  // same documents always give the same ids.
  absl::flat_hash_map<uint64_t, int32_t> df;
  std::vector<uint64_t> order;
  std::vector<uint64_t> unique;
  for (const std::vector<uint64_t>& doc : documents) {
    unique = doc;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (uint64_t h : unique) {
      auto [it, inserted] = df.try_emplace(h, 0);
      if (inserted) order.push_back(h);
      ++it->second;
    }
  }
  // `order` follows the sorted hashes of each document in turn: deterministic.
  FeatureTable table;
  size_t kept = 0;
  for (uint64_t h : order) kept += df[h] >= min_df ? 1 : 0;
  size_t capacity = 16;
  while (capacity < kept * 2) capacity <<= 1;
  table.keys_.assign(capacity, 0);
  table.ids_.assign(capacity, -1);
  table.mask_ = capacity - 1;
  const double n = static_cast<double>(documents.size());
  for (uint64_t h : order) {
    const int32_t d = df[h];
    if (d < min_df) continue;
    const int32_t id = static_cast<int32_t>(table.idf_.size());
    table.idf_.push_back(static_cast<float>(std::log((1.0 + n) / (1.0 + d)) + 1.0));
    table.Insert(h, id);
  }
  return table;
}

void FeatureTable::Insert(uint64_t hash, int32_t id) {
  uint64_t slot = hash & mask_;
  while (ids_[slot] >= 0) slot = (slot + 1) & mask_;
  keys_[slot] = hash;
  ids_[slot] = id;
}

void FeatureTable::Vectorize(std::vector<uint64_t>* hashes, SparseVector* out) const {
  out->clear();
  // Replace each hash by its id (unknown ones dropped), then count repeats.
  size_t n = 0;
  for (uint64_t h : *hashes) {
    const int32_t id = Find(h);
    if (id >= 0) (*hashes)[n++] = static_cast<uint64_t>(id);
  }
  std::sort(hashes->begin(), hashes->begin() + static_cast<ptrdiff_t>(n));
  double norm2 = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && (*hashes)[j] == (*hashes)[i]) ++j;
    const int32_t id = static_cast<int32_t>((*hashes)[i]);
    const float v = (1.0f + std::log(static_cast<float>(j - i))) * idf_[id];
    out->ids.push_back(id);
    out->values.push_back(v);
    norm2 += static_cast<double>(v) * v;
    i = j;
  }
  if (norm2 > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm2));
    for (float& v : out->values) v *= inv;
  }
}

size_t FeatureTable::bytes() const {
  return keys_.size() * sizeof(uint64_t) + ids_.size() * sizeof(int32_t) +
         idf_.size() * sizeof(float);
}

}  // namespace chatcart::intent
