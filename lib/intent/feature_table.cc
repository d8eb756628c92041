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
  table.slots_.assign(capacity, Slot());
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
  uint64_t i = hash & mask_;
  while (slots_[i].id >= 0) i = (i + 1) & mask_;
  slots_[i] = {hash, id};
}

void FeatureTable::Vectorize(std::vector<uint64_t>* hashes, SparseVector* out) const {
  out->clear();
  // Count repeats with a small per-thread hash set of ids (no sorting):
  // position[] holds, per slot, the index in `out` of the id there.
  thread_local std::vector<int32_t> slot_id;
  thread_local std::vector<uint32_t> slot_at;
  thread_local std::vector<uint32_t> counts;
  size_t capacity = 64;
  while (capacity < hashes->size() * 2) capacity <<= 1;
  if (slot_id.size() < capacity) {
    slot_id.resize(capacity);
    slot_at.resize(capacity);
  }
  std::fill(slot_id.begin(), slot_id.begin() + static_cast<ptrdiff_t>(capacity), -1);
  const size_t mask = capacity - 1;
  counts.clear();
  const size_t n = hashes->size();
  for (size_t k = 0; k < n; ++k) {
    // The slots of later hashes are scattered: ask for them early.
    if (k + 8 < n && !slots_.empty()) __builtin_prefetch(&slots_[(*hashes)[k + 8] & mask_]);
    const int32_t id = Find((*hashes)[k]);
    if (id < 0) continue;
    size_t i = (static_cast<uint32_t>(id) * 0x9E3779B1u) & mask;
    while (slot_id[i] >= 0 && slot_id[i] != id) i = (i + 1) & mask;
    if (slot_id[i] == id) {
      ++counts[slot_at[i]];
      continue;
    }
    slot_id[i] = id;
    slot_at[i] = static_cast<uint32_t>(out->ids.size());
    out->ids.push_back(id);
    counts.push_back(1);
  }
  out->values.resize(out->ids.size());
  double norm2 = 0;
  for (size_t k = 0; k < out->ids.size(); ++k) {
    const float tf = counts[k] == 1 ? 1.0f : 1.0f + std::log(static_cast<float>(counts[k]));
    const float v = tf * idf_[out->ids[k]];
    out->values[k] = v;
    norm2 += static_cast<double>(v) * v;
  }
  if (norm2 > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm2));
    for (float& v : out->values) v *= inv;
  }
}

size_t FeatureTable::bytes() const {
  return slots_.size() * sizeof(Slot) + idf_.size() * sizeof(float);
}

}  // namespace chatcart::intent
