// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Interner: distinct strings numbered 0, 1, 2... in first-seen order, stored
// in one arena with their hashes, so that a lookup hashes once, the table
// holds 4-byte ids, growing the table never rehashes a string, and no string
// is a separate allocation. For dictionaries, category and variant-group
// keys, and the lexicon's terms. Not copyable or movable (the table refers
// to the arena): hold it by value in a stable place or in a unique_ptr.
// Const methods are thread-safe; Intern is not.

#ifndef CHATCART_CATALOG_INTERNER_H_
#define CHATCART_CATALOG_INTERNER_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "catalog/string_column.h"
#include "common/strings.h"

namespace chatcart::catalog {

class Interner {
 public:
  Interner() : set_(0, Hash{this}, Eq{this}) {}
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // The id of `s`, added when new (then *added is set true, if given).
  uint32_t Intern(std::string_view s, bool* added = nullptr) {
    const uint32_t h = HashOf(s);
    auto it = set_.find(Probe{s, h});
    if (it != set_.end()) {
      if (added != nullptr) *added = false;
      return *it;
    }
    const uint32_t id = static_cast<uint32_t>(hashes_.size());
    strings_.Add(s);
    hashes_.push_back(h);
    set_.insert(id);
    if (added != nullptr) *added = true;
    return id;
  }
  std::optional<uint32_t> Find(std::string_view s) const {
    auto it = set_.find(Probe{s, HashOf(s)});
    if (it == set_.end()) return std::nullopt;
    return *it;
  }
  std::string_view Get(uint32_t id) const { return strings_.Get(id); }
  size_t size() const { return hashes_.size(); }
  void Reserve(size_t n) { set_.reserve(n); }
  void ShrinkToFit() {
    strings_.ShrinkToFit();
    hashes_.shrink_to_fit();
  }
  size_t MemoryUsage() const {
    return strings_.MemoryUsage() + hashes_.capacity() * sizeof(uint32_t) +
           set_.capacity() * (sizeof(uint32_t) + 1);
  }

 private:
  static uint32_t HashOf(std::string_view s) {
    const size_t h = absl::Hash<absl::string_view>()(ToAbsl(s));
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  struct Probe {
    std::string_view s;
    uint32_t hash;
  };
  struct Hash {
    using is_transparent = void;
    const Interner* in;
    size_t operator()(uint32_t id) const { return Spread(in->hashes_[id]); }
    size_t operator()(const Probe& p) const { return Spread(p.hash); }
    // absl takes the low 7 bits and the rest apart: spread 32 bits over 64.
    static size_t Spread(uint32_t h) { return (size_t{h} * 0x9E3779B97F4A7C15ull) ^ h; }
  };
  struct Eq {
    using is_transparent = void;
    const Interner* in;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, const Probe& p) const {
      return in->hashes_[a] == p.hash && in->strings_.Get(a) == p.s;
    }
    bool operator()(const Probe& p, uint32_t a) const { return (*this)(a, p); }
  };

  StringColumn strings_;
  std::vector<uint32_t> hashes_;
  absl::flat_hash_set<uint32_t, Hash, Eq> set_;
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_INTERNER_H_
