// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The languages chatcart understands: English, Italian and French. Language
// is a small enum; its values are persisted (models, snapshots): never
// renumber. All functions are thread-safe.
//
//   std::optional<Language> lang = ParseLanguage("it-IT");   // kItalian
//   LanguageCode(Language::kFrench)                           // "fr"

#ifndef CHATCART_TEXT_LANGUAGE_H_
#define CHATCART_TEXT_LANGUAGE_H_

#include <array>
#include <optional>
#include <string_view>

namespace chatcart::text {

enum class Language : int {
  kEnglish = 0,
  kItalian = 1,
  kFrench = 2,
};

inline constexpr int kNumLanguages = 3;
inline constexpr std::array<Language, kNumLanguages> kAllLanguages = {
    Language::kEnglish, Language::kItalian, Language::kFrench};

// "en", "it" or "fr".
std::string_view LanguageCode(Language language);

// Accepts an ISO 639-1 code or a BCP 47 tag starting with one ("en", "en-US",
// "it_IT", "FR"), or the English name ("english", "italian", "french"), in any
// case. Returns nullopt for anything else.
std::optional<Language> ParseLanguage(std::string_view code);

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_LANGUAGE_H_
