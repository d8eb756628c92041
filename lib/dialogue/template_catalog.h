// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The templates of a bundle, per locale, compiled at load; plus the engine's
// own sentences (ids starting "chatcart.") with built-in wording in en, it and
// fr that a bundle may override by defining the same id.
//
// Immutable after Compile; const methods are safe for concurrent use.

#ifndef CHATCART_DIALOGUE_TEMPLATE_CATALOG_H_
#define CHATCART_DIALOGUE_TEMPLATE_CATALOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "chatcart/v1/bundle.pb.h"
#include "dialogue/template.h"
#include "common/text_source.h"

namespace chatcart::dialogue {

class TemplateCatalog {
 public:
  struct File {
    v1::TemplateSet set;
    TextSource source;
  };

  // Compiles `files` for the bundle's `locales` ("en", "it-IT"; the first is
  // the default). Appends every problem to `errors` ("file:line: template
  // \"greet\": offset 3: ..."), including a locale of the bundle without any
  // template file and a template file for a locale the bundle does not list.
  static TemplateCatalog Compile(const std::vector<File>& files,
                                 const std::vector<std::string>& locales,
                                 std::vector<std::string>* errors);

  // The bundle's locales, default first.
  const std::vector<std::string>& locales() const { return locales_; }

  // The locale of the bundle that serves `language` ("it" -> "it-IT"), or the
  // default locale.
  const std::string& LocaleFor(std::string_view language) const;

  // Whether `id` is defined for `locale` by the bundle or built in.
  bool Has(std::string_view locale, std::string_view id) const;

  // The variants of `id` for `locale`: the bundle's, else the built-in ones
  // for the locale's language, else English built-ins; nullptr when none.
  const std::vector<Template>* Find(std::string_view locale, std::string_view id) const;

  // Plural rules and number formatting for `locale` (one of locales()).
  const LocaleFormat& Format(std::string_view locale) const;

  // The ids of the engine's own sentences.
  static const std::vector<std::string>& BuiltinIds();

  // The argument names the built-in wording of `id` uses in any language
  // (what the engine passes it); empty when `id` is not built in.
  static std::vector<std::string> BuiltinArguments(std::string_view id);

  // A template the bundle defines, with file:line of each compiled variant.
  struct Definition {
    std::string locale;
    std::string id;
    std::vector<std::string> variant_where;
  };
  // Every template the bundle defines, in file order.
  const std::vector<Definition>& definitions() const { return definitions_; }

  // The bundle's own variants of `id` for `locale` (never a built-in), or
  // nullptr.
  const std::vector<Template>* FindDefined(std::string_view locale, std::string_view id) const;

 private:
  struct PerLocale {
    std::shared_ptr<const LocaleFormat> format;
    absl::flat_hash_map<std::string, std::vector<Template>> templates;
    std::string language;  // "it" for "it-IT"
  };
  std::vector<std::string> locales_;
  absl::flat_hash_map<std::string, PerLocale> by_locale_;
  std::vector<Definition> definitions_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_TEMPLATE_CATALOG_H_
