// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine's own sentences in en, it and fr (ids starting "chatcart.").

#ifndef CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_
#define CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_

#include <string_view>
#include <vector>

namespace chatcart::dialogue {

struct BuiltinTemplate {
  std::string_view id;
  std::string_view language;  // "en", "it", "fr"
  std::vector<std::string_view> variants;
};

// Every built-in template; each id exists in all three languages.
const std::vector<BuiltinTemplate>& BuiltinTemplates();

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_
