// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/stem.h"

#include <array>
#include <memory>
#include <utility>

#include "libstemmer.h"

namespace chatcart::text {
namespace {

// Snowball's algorithm names in libstemmer's list.
const char* AlgorithmName(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "english";
    case Language::kItalian:
      return "italian";
    case Language::kFrench:
      return "french";
  }
  return "english";
}

// Longer "words" are URLs, ids or noise; stemming them is pointless work.
constexpr size_t kMaxStemBytes = 64;

}  // namespace

Stemmer::Stemmer(Language language)
    : language_(language), stemmer_(sb_stemmer_new(AlgorithmName(language), "UTF_8")) {}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

Stemmer::Stemmer(Stemmer&& other) noexcept
    : language_(other.language_),
      stemmer_(std::exchange(other.stemmer_, nullptr)),
      passthrough_(std::move(other.passthrough_)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    language_ = other.language_;
    stemmer_ = std::exchange(other.stemmer_, nullptr);
    passthrough_ = std::move(other.passthrough_);
  }
  return *this;
}

std::string_view Stemmer::Stem(std::string_view word) {
  if (stemmer_ != nullptr && word.size() <= kMaxStemBytes) {
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stem != nullptr) {
      return std::string_view(reinterpret_cast<const char*>(stem),
                              static_cast<size_t>(sb_stemmer_length(stemmer_)));
    }
  }
  passthrough_.assign(word);
  return passthrough_;
}

Stemmer& ThreadLocalStemmer(Language language) {
  thread_local std::array<std::unique_ptr<Stemmer>, kNumLanguages> stemmers;
  std::unique_ptr<Stemmer>& s = stemmers[static_cast<int>(language)];
  if (s == nullptr) s = std::make_unique<Stemmer>(language);
  return *s;
}

}  // namespace chatcart::text
