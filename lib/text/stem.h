// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Snowball stemmers (Debian's libstemmer) for English, Italian and French.
// Feed them folded tokens (text/tokenize.h): the Snowball algorithms expect
// lower-case input.
//
//   Stemmer stemmer(Language::kItalian);
//   stemmer.Stem("scarpe")        // "scarp"
//
//   // From any thread, without owning one:
//   std::string_view s = ThreadLocalStemmer(Language::kFrench).Stem("chaussures");
//
// Thread safety: a Stemmer is NOT thread-safe (libstemmer's sb_stemmer keeps
// the word being stemmed in the object): use one per thread, or one per
// object that is used by one thread at a time. ThreadLocalStemmer() gives
// each thread its own. Stem() returns a view into the stemmer's buffer, valid
// until the next call on the same stemmer.

#ifndef CHATCART_TEXT_STEM_H_
#define CHATCART_TEXT_STEM_H_

#include <string>
#include <string_view>

#include "text/language.h"

struct sb_stemmer;

namespace chatcart::text {

class Stemmer {
 public:
  explicit Stemmer(Language language);
  ~Stemmer();

  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  Stemmer(Stemmer&& other) noexcept;
  Stemmer& operator=(Stemmer&& other) noexcept;

  Language language() const { return language_; }

  // The stem of `word` (UTF-8, folded), valid until the next call on this
  // stemmer. Words longer than 64 bytes, and every word when libstemmer could
  // not allocate its stemmer, come back unchanged.
  std::string_view Stem(std::string_view word);

 private:
  Language language_;
  sb_stemmer* stemmer_ = nullptr;
  std::string passthrough_;  // holds words returned unchanged
};

// This thread's stemmer for `language`, created on first use.
Stemmer& ThreadLocalStemmer(Language language);

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_STEM_H_
