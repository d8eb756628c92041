// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// FeatureTable: the features seen in training, as dense ids with inverse
// document frequencies, and the vectorizer that turns an utterance's feature
// hashes into an L2-normalised sparse TF-IDF vector (sublinear term
// frequency: 1 + ln tf). Features never seen in training are dropped.
//
// A FeatureTable is immutable after Build() and thread-safe.

#ifndef CHATCART_INTENT_FEATURE_TABLE_H_
#define CHATCART_INTENT_FEATURE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chatcart::intent {

// A sparse vector: distinct ids, one value each.
struct SparseVector {
  std::vector<int32_t> ids;
  std::vector<float> values;
  void clear() {
    ids.clear();
    values.clear();
  }
};

class FeatureTable {
 public:
  FeatureTable() = default;

  // Builds the table from the feature hashes of each training document
  // (repeats allowed). Features in fewer than `min_df` documents are left out.
  static FeatureTable Build(const std::vector<std::vector<uint64_t>>& documents, int min_df);

  // The dense id of `hash`, or -1 when it was not seen in training.
  int32_t Find(uint64_t hash) const {
    if (slots_.empty()) return -1;
    for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id < 0) return -1;
      if (slot.key == hash) return slot.id;
    }
  }

  int32_t size() const { return static_cast<int32_t>(idf_.size()); }
  float idf(int32_t id) const { return idf_[id]; }

  // Turns `hashes` (reordered in place) into the utterance's vector. The
  // ids come in order of first appearance, not sorted.
  void Vectorize(std::vector<uint64_t>* hashes, SparseVector* out) const;

  // Bytes held (for model-size reports).
  size_t bytes() const;

 private:
  void Insert(uint64_t hash, int32_t id);

  // Open addressing with linear probing; key and id side by side, so a
  // lookup touches one cache line.
  struct Slot {
    uint64_t key = 0;
    int32_t id = -1;  // -1: empty
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<float> idf_;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_FEATURE_TABLE_H_
