// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/language.h"

#include <string>

#include "common/locale.h"

namespace chatcart::text {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kItalian:
      return "it";
    case Language::kFrench:
      return "fr";
  }
  return "en";
}

std::optional<Language> ParseLanguage(std::string_view code) {
  std::string lower;
  for (char c : LocaleLanguage(code)) {  // "en-US": the primary subtag
    lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (lower == "en" || lower == "eng" || lower == "english") return Language::kEnglish;
  if (lower == "it" || lower == "ita" || lower == "italian") return Language::kItalian;
  if (lower == "fr" || lower == "fra" || lower == "fre" || lower == "french") {
    return Language::kFrench;
  }
  return std::nullopt;
}

}  // namespace chatcart::text
