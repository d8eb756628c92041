// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine's own sentences in en, it and fr (ids starting "chatcart.").

#ifndef CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_
#define CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_

#include <string>
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

// The part of them that conversation acts say (builtin_conversation_templates.cc).
const std::vector<BuiltinTemplate>& BuiltinConversationTemplates();

// When each built-in template is said (builtin_template_docs.cc).
struct BuiltinTemplateDoc {
  std::string_view id;
  std::string_view when;
};
const std::vector<BuiltinTemplateDoc>& BuiltinTemplateDocs();

// docs/BUNDLES.md's table of built-in templates: id, arguments (read from
// the English wording), when it is said, the English wording. Every id of
// BuiltinTemplates() appears once; an id without a doc says so.
std::string BuiltinTemplatesMarkdown();

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_BUILTIN_TEMPLATES_H_
