// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Interner: distinct strings numbered 0, 1, 2... in first-seen order, stored
// in one arena; the table's 8-byte slots hold each string's hash and id, so
// that a lookup hashes once and probes once, growing the table never rehashes
// or reads a string, and no string is a separate allocation. For dictionaries, category and
// variant-group keys, and the lexicon's terms. Not copyable or movable (the table refers to the
// arena): hold it by value in a stable place or in a unique_ptr. Const methods are thread-safe;
// Intern is not.

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
  Interner() : set_(0, Hash{}, Eq{this}) {}
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // The id of `s`, added when new (then *added is set true, if given).
  uint32_t Intern(std::string_view s, bool* added = nullptr) {
    const uint32_t h = HashOf(s);
    bool inserted = false;
    // One probe: the slot is filled only when `s` is new.
    auto it = set_.lazy_emplace(Probe{s, h}, [&](const auto& construct) {
      const uint32_t id = static_cast<uint32_t>(size_);
      strings_.Add(s);
      ++size_;
      construct(Slot(h, id));
      inserted = true;
    });
    if (added != nullptr) *added = inserted;
    return IdOf(*it);
  }
  std::optional<uint32_t> Find(std::string_view s) const {
    auto it = set_.find(Probe{s, HashOf(s)});
    if (it == set_.end()) return std::nullopt;
    return IdOf(*it);
  }
  std::string_view Get(uint32_t id) const { return strings_.Get(id); }
  size_t size() const { return size_; }
  void Reserve(size_t n) { set_.reserve(n); }
  void ShrinkToFit() { strings_.ShrinkToFit(); }
  size_t MemoryUsage() const {
    return strings_.MemoryUsage() + set_.capacity() * (sizeof(uint64_t) + 1);
  }

 private:
  // A slot holds the string's 32-bit hash above its id: probing and growing
  // the table read no other memory than the slots, and a string is compared
  // only when the whole hash matches.
  static uint64_t Slot(uint32_t hash, uint32_t id) { return (uint64_t{hash} << 32) | id; }
  static uint32_t IdOf(uint64_t slot) { return static_cast<uint32_t>(slot); }
  static uint32_t HashOfSlot(uint64_t slot) { return static_cast<uint32_t>(slot >> 32); }
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
    size_t operator()(uint64_t slot) const { return Spread(HashOfSlot(slot)); }
    size_t operator()(const Probe& p) const { return Spread(p.hash); }
    // absl takes the low 7 bits and the rest apart: spread 32 bits over 64.
    static size_t Spread(uint32_t h) { return (size_t{h} * 0x9E3779B97F4A7C15ull) ^ h; }
  };
  struct Eq {
    using is_transparent = void;
    const Interner* in;
    bool operator()(uint64_t a, uint64_t b) const { return a == b; }
    bool operator()(uint64_t a, const Probe& p) const {
      return HashOfSlot(a) == p.hash && in->strings_.Get(IdOf(a)) == p.s;
    }
    bool operator()(const Probe& p, uint64_t a) const { return (*this)(a, p); }
  };

  StringColumn strings_;
  size_t size_ = 0;
  absl::flat_hash_set<uint64_t, Hash, Eq> set_;
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_INTERNER_H_
