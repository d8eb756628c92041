// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/template_catalog.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/locale.h"
#include "common/strings.h"
#include "dialogue/builtin_templates.h"

namespace chatcart::dialogue {
namespace {

std::string LanguageOf(std::string_view locale) { return std::string(LocaleLanguage(locale)); }

// Built-ins compiled once per process, by language then id.
const absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::vector<Template>>>&
CompiledBuiltins() {
  static const auto* compiled = [] {
    auto* map = new absl::flat_hash_map<std::string,
                                        absl::flat_hash_map<std::string, std::vector<Template>>>();
    for (const BuiltinTemplate& builtin : BuiltinTemplates()) {
      auto& variants = (*map)[std::string(builtin.language)][std::string(builtin.id)];
      for (std::string_view variant : builtin.variants) {
        // Built-ins are tested to compile; value() documents that.
        variants.push_back(Template::Compile(variant).value());
      }
    }
    return map;
  }();
  return *compiled;
}

}  // namespace

const std::vector<std::string>& TemplateCatalog::BuiltinIds() {
  static const auto* ids = [] {
    auto* out = new std::vector<std::string>();
    for (const BuiltinTemplate& builtin : BuiltinTemplates()) {
      if (std::find(out->begin(), out->end(), builtin.id) == out->end()) {
        out->emplace_back(builtin.id);
      }
    }
    return out;
  }();
  return *ids;
}

std::vector<std::string> TemplateCatalog::BuiltinArguments(std::string_view id) {
  std::vector<std::string> names;
  for (const auto& [language, by_id] : CompiledBuiltins()) {
    auto it = by_id.find(ToAbsl(id));
    if (it == by_id.end()) continue;
    for (const Template& variant : it->second) {
      for (std::string& name : variant.ArgumentNames()) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
          names.push_back(std::move(name));
        }
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<Template>* TemplateCatalog::FindDefined(std::string_view locale,
                                                          std::string_view id) const {
  auto it = by_locale_.find(ToAbsl(locale));
  if (it == by_locale_.end()) return nullptr;
  auto t = it->second.templates.find(ToAbsl(id));
  return t == it->second.templates.end() ? nullptr : &t->second;
}

TemplateCatalog TemplateCatalog::Compile(const std::vector<File>& files,
                                         const std::vector<std::string>& locales,
                                         std::vector<std::string>* errors) {
  TemplateCatalog catalog;
  catalog.locales_ = locales;
  for (const std::string& locale : locales) {
    absl::StatusOr<std::shared_ptr<const LocaleFormat>> format = LocaleFormat::Create(locale);
    if (!format.ok()) {
      errors->push_back(std::string(format.status().message()));
      continue;
    }
    PerLocale& per = catalog.by_locale_[locale];
    per.format = *std::move(format);
    per.language = LanguageOf(locale);
  }
  absl::flat_hash_map<std::string, bool> locale_has_file;
  for (const File& file : files) {
    const std::string& locale = file.set.locale();
    auto it = catalog.by_locale_.find(locale);
    if (it == catalog.by_locale_.end()) {
      errors->push_back(absl::StrCat(file.source.Where({{"locale", -1}}), ": locale \"", locale,
                                     "\" is not one of the bundle's store locales"));
      continue;
    }
    locale_has_file[locale] = true;
    for (int i = 0; i < file.set.template__size(); ++i) {
      const v1::Template& proto = file.set.template_(i);
      std::string where = file.source.Where({{"template", i}});
      if (proto.id().empty()) {
        errors->push_back(absl::StrCat(where, ": template without an id"));
        continue;
      }
      if (proto.variant_size() == 0) {
        errors->push_back(absl::StrCat(where, ": template \"", proto.id(), "\" has no variant"));
        continue;
      }
      auto [entry, inserted] = it->second.templates.try_emplace(proto.id());
      if (!inserted) {
        errors->push_back(absl::StrCat(where, ": template \"", proto.id(),
                                       "\" is defined twice for locale ", locale));
        continue;
      }
      Definition definition{locale, proto.id(), {}};
      for (int v = 0; v < proto.variant_size(); ++v) {
        std::string variant_where = file.source.Where({{"template", i}, {"variant", v}});
        absl::StatusOr<Template> compiled = Template::Compile(proto.variant(v));
        if (!compiled.ok()) {
          errors->push_back(absl::StrCat(variant_where, ": template \"", proto.id(),
                                         "\": ", compiled.status().message()));
          continue;
        }
        entry->second.push_back(*std::move(compiled));
        definition.variant_where.push_back(std::move(variant_where));
      }
      catalog.definitions_.push_back(std::move(definition));
    }
  }
  for (const std::string& locale : locales) {
    if (!locale_has_file[locale]) {
      errors->push_back(absl::StrCat("locale \"", locale, "\" has no template file"));
    }
  }
  return catalog;
}

const std::string& TemplateCatalog::LocaleFor(std::string_view language) const {
  for (const std::string& locale : locales_) {
    if (LanguageOf(locale) == language) return locale;
  }
  static const std::string* empty = new std::string();
  return locales_.empty() ? *empty : locales_.front();
}

bool TemplateCatalog::Has(std::string_view locale, std::string_view id) const {
  return Find(locale, id) != nullptr;
}

const std::vector<Template>* TemplateCatalog::Find(std::string_view locale,
                                                   std::string_view id) const {
  std::string language = LanguageOf(locale);
  auto it = by_locale_.find(ToAbsl(locale));
  if (it != by_locale_.end()) {
    auto t = it->second.templates.find(ToAbsl(id));
    if (t != it->second.templates.end()) return &t->second;
  }
  const auto& builtins = CompiledBuiltins();
  for (const std::string& lang : {language, std::string("en")}) {
    auto by_language = builtins.find(lang);
    if (by_language == builtins.end()) continue;
    auto t = by_language->second.find(ToAbsl(id));
    if (t != by_language->second.end()) return &t->second;
  }
  return nullptr;
}

const LocaleFormat& TemplateCatalog::Format(std::string_view locale) const {
  auto it = by_locale_.find(ToAbsl(locale));
  if (it == by_locale_.end() || it->second.format == nullptr) {
    static const auto* fallback =
        new std::shared_ptr<const LocaleFormat>(LocaleFormat::Create("en").value());
    return **fallback;
  }
  return *it->second.format;
}

}  // namespace chatcart::dialogue
