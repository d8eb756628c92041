// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// StringColumn: one string per product in a single arena (no per-string
// allocation), and KeyIndex: a hash index from a StringColumn's values to
// product indexes that stores only the indexes (4 bytes a slot). Built once,
// then read-only and thread-safe.

#ifndef CHATCART_CATALOG_STRING_COLUMN_H_
#define CHATCART_CATALOG_STRING_COLUMN_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "chatcart/catalog.h"

namespace chatcart::catalog {

class StringColumn {
 public:
  StringColumn() : offsets_{0} {}

  // Appends one value; false when the arena would pass 4 GiB (the limit).
  bool Add(std::string_view s) {
    if (arena_.size() + s.size() > UINT32_MAX) return false;
    arena_.append(s);
    offsets_.push_back(static_cast<uint32_t>(arena_.size()));
    return true;
  }
  size_t size() const { return offsets_.size() - 1; }
  std::string_view Get(size_t i) const {
    return std::string_view(arena_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  void ShrinkToFit() {
    arena_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }
  void ReserveRows(size_t n) { offsets_.reserve(n + 1); }
  size_t MemoryUsage() const { return arena_.capacity() + offsets_.capacity() * sizeof(uint32_t); }

 private:
  std::string arena_;
  std::vector<uint32_t> offsets_;
};

// Maps the values of a StringColumn to the first product holding each value.
// Keeps each product's 32-bit hash, so a lookup hashes once and growing the
// table never touches the strings.
class KeyIndex {
 public:
  explicit KeyIndex(const StringColumn* column) : column_(column), set_(0, Hash{this}, Eq{this}) {}
  KeyIndex(const KeyIndex&) = delete;
  KeyIndex& operator=(const KeyIndex&) = delete;

  // When `value` is already held, returns the product holding it and adds
  // nothing; otherwise records that product i holds it and returns nullopt.
  // The caller then appends `value` to the column as product i.
  std::optional<ProductIndex> InsertOrFind(std::string_view value, ProductIndex i) {
    const uint32_t h = HashOf(value);
    if (hashes_.size() <= i) hashes_.resize(i + 1, 0);
    bool inserted = false;
    // One probe: the slot is filled only when `value` is new. hashes_[i] is
    // set before the slot is, and growing reads only the hashes of others.
    auto it = set_.lazy_emplace(Probe{value, h}, [&](const auto& construct) {
      hashes_[i] = h;
      construct(i);
      inserted = true;
    });
    if (inserted) return std::nullopt;
    return *it;
  }
  std::optional<ProductIndex> Find(std::string_view value) const {
    auto it = set_.find(Probe{value, HashOf(value)});
    if (it == set_.end()) return std::nullopt;
    return *it;
  }
  void ShrinkToFit() { hashes_.shrink_to_fit(); }
  void Reserve(size_t n) {
    set_.reserve(n);
    hashes_.reserve(n);
  }
  size_t MemoryUsage() const {
    return set_.capacity() * (sizeof(ProductIndex) + 1) + hashes_.capacity() * sizeof(uint32_t);
  }

 private:
  static uint32_t HashOf(std::string_view s) {
    const size_t h = std::hash<std::string_view>()(s);
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  static size_t Spread(uint32_t h) { return (size_t{h} * 0x9E3779B97F4A7C15ull) ^ h; }
  struct Probe {
    std::string_view s;
    uint32_t hash;
  };
  struct Hash {
    using is_transparent = void;
    const KeyIndex* index;
    size_t operator()(ProductIndex i) const { return Spread(index->hashes_[i]); }
    size_t operator()(const Probe& p) const { return Spread(p.hash); }
  };
  struct Eq {
    using is_transparent = void;
    const KeyIndex* index;
    bool operator()(ProductIndex a, ProductIndex b) const { return a == b; }
    bool operator()(ProductIndex a, const Probe& p) const {
      return index->hashes_[a] == p.hash && index->column_->Get(a) == p.s;
    }
    bool operator()(const Probe& p, ProductIndex a) const { return (*this)(a, p); }
  };
  const StringColumn* column_;
  std::vector<uint32_t> hashes_;  // by product; 0 for products not in the index
  absl::flat_hash_set<ProductIndex, Hash, Eq> set_;
};

// Compressed sparse rows: for each of n keys, an ascending list of products.
struct Postings {
  std::vector<uint32_t> offsets{0};  // size keys + 1
  std::vector<ProductIndex> products;

  size_t keys() const { return offsets.size() - 1; }
  std::span<const ProductIndex> Get(size_t key) const {
    return std::span<const ProductIndex>(products.data() + offsets[key],
                                         offsets[key + 1] - offsets[key]);
  }
  // Builds from key_of[i] for products i (keys < n; kNone skipped).
  static constexpr uint32_t kNone = UINT32_MAX;
  static Postings FromKeys(std::span<const uint32_t> key_of, size_t n) {
    Postings p;
    p.offsets.assign(n + 1, 0);
    for (uint32_t k : key_of) {
      if (k != kNone) ++p.offsets[k + 1];
    }
    for (size_t k = 0; k < n; ++k) p.offsets[k + 1] += p.offsets[k];
    p.products.resize(p.offsets[n]);
    std::vector<uint32_t> fill(p.offsets.begin(), p.offsets.end() - 1);
    for (size_t i = 0; i < key_of.size(); ++i) {
      if (key_of[i] != kNone) p.products[fill[key_of[i]]++] = static_cast<ProductIndex>(i);
    }
    return p;
  }
  size_t MemoryUsage() const {
    return offsets.capacity() * sizeof(uint32_t) + products.capacity() * sizeof(ProductIndex);
  }
};

// The first position at or after `from` in ascending `p` whose value is >=
// target: exponential then binary search, cheap when targets ascend too.
inline size_t Gallop(std::span<const ProductIndex> p, size_t from, ProductIndex target) {
  size_t step = 1, lo = from, hi = from;
  while (hi < p.size() && p[hi] < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = std::min(hi, p.size());
  return static_cast<size_t>(std::lower_bound(p.begin() + static_cast<std::ptrdiff_t>(lo),
                                              p.begin() + static_cast<std::ptrdiff_t>(hi), target) -
                             p.begin());
}

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_STRING_COLUMN_H_
