// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <bit>

#include "chatcart/catalog.h"

namespace chatcart {

ProductSet::ProductSet(size_t universe) : universe_(universe), words_((universe + 63) / 64, 0) {}

ProductSet ProductSet::All(size_t universe) {
  ProductSet s(universe);
  for (uint64_t& w : s.words_) w = ~uint64_t{0};
  if (universe % 64 != 0) s.words_.back() = (uint64_t{1} << (universe % 64)) - 1;
  return s;
}

size_t ProductSet::Count() const {
  size_t n = 0;
  for (uint64_t w : words_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

ProductSet& ProductSet::IntersectWith(const ProductSet& other) {
  for (size_t i = 0; i < words_.size() && i < other.words_.size(); ++i)
    words_[i] &= other.words_[i];
  return *this;
}

ProductSet& ProductSet::UnionWith(const ProductSet& other) {
  for (size_t i = 0; i < words_.size() && i < other.words_.size(); ++i)
    words_[i] |= other.words_[i];
  return *this;
}

ProductSet& ProductSet::Subtract(const ProductSet& other) {
  for (size_t i = 0; i < words_.size() && i < other.words_.size(); ++i)
    words_[i] &= ~other.words_[i];
  return *this;
}

std::vector<ProductIndex> ProductSet::ToVector() const {
  std::vector<ProductIndex> out;
  out.reserve(Count());
  ForEach([&](ProductIndex i) { out.push_back(i); });
  return out;
}

}  // namespace chatcart
