// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// LocaleLanguage(): the one place a locale is cut to its language, for every
// component (channels and the cart sit below `text`, whose ParseLanguage
// reads the result as a text::Language) and for hosts and the CLI, which see
// only public headers. Pure functions; thread-safe.
//
//   LocaleLanguage("it-IT")   // "it"
//   LocaleLanguage("fr_CH")   // "fr"

#ifndef CHATCART_LOCALE_H_
#define CHATCART_LOCALE_H_

#include <string_view>

namespace chatcart {

// The primary language subtag of a BCP 47 locale (or a POSIX one: "fr_CH"),
// as written: what comes before the first '-' or '_'; all of `locale` when
// there is neither ("en"), "" for "".
inline std::string_view LocaleLanguage(std::string_view locale) {
  return locale.substr(0, locale.find_first_of("-_"));
}

// Whether `locale` speaks `language` ("it-IT" and "it" speak "it"), case
// sensitive as the codes are written (lower case).
inline bool LocaleSpeaks(std::string_view locale, std::string_view language) {
  return LocaleLanguage(locale) == language;
}

}  // namespace chatcart

#endif  // CHATCART_LOCALE_H_
